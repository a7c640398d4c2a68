package org.parallelsystemtools.sockets.beyond;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * EchoServer's default: one thread and a {@link Selector} serve every connection. Nothing it calls
 * blocks, so a client that sends nothing, or reads nothing, holds no thread: it waits in the
 * selector until its deadline. Each connection keeps at most one answer or one 8 KiB chunk of a
 * long message; while that is not yet sent, the server reads nothing more from it.
 */
final class SelectorConnections implements EchoServer.Runner {

    /** How long accept rests after a failure (out of file descriptors) before it tries again. */
    private static final long ACCEPT_PAUSE_NANOS = 100_000_000L;

    private final int max;
    /** Only the selector thread reads, so one buffer serves every connection. */
    private final ByteBuffer in = ByteBuffer.allocateDirect(EchoServer.CHUNK);
    private EchoServer server;
    private Selector selector;
    private SelectionKey acceptKey;
    private Thread thread;
    private volatile int open;
    private long acceptAgainAt = System.nanoTime();
    private boolean acceptFailing;
    private boolean toldFull;

    /** One connection: what it still has to send, and when it is dropped if nothing moves. */
    private static final class Connection {
        final SocketChannel channel;
        long deadline;
        ByteBuffer out;      // what is still to be sent, or null
        boolean streaming;   // a message longer than one read: echoed until the client's half-close
        boolean last;        // close once out is sent

        Connection(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }
    }

    SelectorConnections(int max) {
        this.max = max;
    }

    @Override
    public void start(EchoServer server) throws IOException {
        this.server = server;
        selector = Selector.open();
        ServerSocketChannel listener = server.listener();
        listener.configureBlocking(false);
        acceptKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::loop, "echo-selector");
        thread.start();
    }

    @Override
    public String describe() {
        return "one selector thread, at most " + max + " connections";
    }

    @Override
    public int connections() {
        return open;
    }

    @Override
    public void wake() {
        selector.wakeup();
    }

    @Override
    public void join(long millis) throws InterruptedException {
        thread.join(millis);
    }

    private void loop() {
        long timeout = server.timeoutMillis() * 1_000_000L;
        long period = Math.max(5, Math.min(100, server.timeoutMillis() / 10));
        long nextSweep = System.nanoTime() + period * 1_000_000L;
        try {
            while (!server.closing()) {
                selector.select(period);
                long now = System.nanoTime();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key == acceptKey) {
                        accept(now + timeout);
                    } else {
                        serve(key, (Connection) key.attachment(), now, timeout);
                    }
                }
                if (acceptKey.isValid() && acceptKey.interestOps() == 0 && open < max && now - acceptAgainAt >= 0) {
                    acceptKey.interestOps(SelectionKey.OP_ACCEPT);
                }
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + period * 1_000_000L;
                }
            }
        } catch (IOException | ClosedSelectorException | CancelledKeyException e) { // the last two: closing
            if (!server.closing()) {
                server.say("selector failed: " + e.getMessage() + "; no longer serving");
            }
        } finally {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                EchoServer.closeQuietly(key.channel());
            }
            EchoServer.closeQuietly(selector); // the listener's port is free only after this
        }
    }

    /** Takes the clients waiting in the listen queue, up to the cap; at the cap, stops asking. */
    private void accept(long deadline) {
        for (int i = 0; i < 64 && open < max; i++) {
            SocketChannel channel;
            try {
                channel = server.listener().accept();
            } catch (IOException e) { // out of file descriptors: the client stays queued
                if (!acceptFailing) {
                    server.say("accept failed: " + e.getMessage() + " (" + open + " connections open, file limit "
                            + server.fileLimit + "); trying again every 100 ms");
                    acceptFailing = true;
                }
                acceptKey.interestOps(0);
                acceptAgainAt = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                return;
            }
            if (channel == null) {
                break;
            }
            if (acceptFailing) {
                server.say("accepting again (" + open + " connections open)");
                acceptFailing = false;
            }
            open++;
            try {
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, new Connection(channel, deadline));
            } catch (IOException e) {
                EchoServer.closeQuietly(channel);
                open--;
            }
        }
        if (open >= max) {
            acceptKey.interestOps(0); // the next clients wait in the kernel's listen queue
            if (!toldFull) {
                server.say(open + " connections open, as many as --max-connections allows:"
                        + " the next ones wait until one closes");
                toldFull = true;
            }
        }
    }

    private void serve(SelectionKey key, Connection c, long now, long timeout) {
        try {
            if (key.isReadable()) {
                read(key, c, now, timeout);
            } else if (key.isWritable()) {
                send(key, c, now, timeout);
            }
        } catch (IOException e) {
            if (!server.closing()) {
                server.say(EchoServer.who(c.channel) + " vanished: " + e.getMessage());
            }
            close(key, c);
        }
    }

    private void read(SelectionKey key, Connection c, long now, long timeout) throws IOException {
        // The first read is the book's message: at most 1024 bytes and a CR LF.
        in.clear().limit(c.streaming ? EchoServer.CHUNK : EchoServer.MAX_MESSAGE + 2);
        int n = c.channel.read(in);
        if (n == 0) {
            return;
        }
        if (n < 0) {
            if (!c.streaming) {
                close(key, c); // closed without a message: nothing to answer
                return;
            }
            c.out = ByteBuffer.wrap(new byte[] {']'});
            c.last = true;
        } else if (c.streaming) {
            c.out = c.out.clear().put(in.flip()).flip();
        } else {
            int length = n;
            boolean line = false;
            for (int i = 0; i < n; i++) {
                if (in.get(i) == '\n') {
                    length = i > 0 && in.get(i - 1) == '\r' ? i - 1 : i;
                    line = true;
                    break;
                }
            }
            if (length <= EchoServer.MAX_MESSAGE) {
                c.out = ByteBuffer.allocate(EchoServer.PREFIX.length + length + 2).put(EchoServer.PREFIX)
                        .put(in.position(0).limit(length)).put((byte) ']');
                if (line) {
                    c.out.put((byte) '\n');
                }
                c.out.flip();
                c.last = true;
            } else {
                c.streaming = true;
                c.out = ByteBuffer.allocate(EchoServer.PREFIX.length + EchoServer.CHUNK).put(EchoServer.PREFIX)
                        .put(in.flip()).flip();
            }
        }
        c.deadline = now + timeout;
        send(key, c, now, timeout);
    }

    /** Sends what it can; reads again only once all is sent, so each connection holds one buffer. */
    private void send(SelectionKey key, Connection c, long now, long timeout) throws IOException {
        if (c.channel.write(c.out) > 0) {
            c.deadline = now + timeout;
        }
        while (c.out.hasRemaining()) {
            if (c.channel.write(c.out) == 0) {
                key.interestOps(SelectionKey.OP_WRITE); // the client is not reading: wait for it
                return;
            }
        }
        if (c.last) {
            server.answered.increment();
            close(key, c);
        } else {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    /** Closes every connection whose deadline has passed. */
    private void sweep(long now) {
        for (SelectionKey key : selector.keys()) {
            if (key != acceptKey && key.isValid()) {
                Connection c = (Connection) key.attachment();
                if (now - c.deadline >= 0) {
                    server.drop(EchoServer.who(c.channel), c.out != null || c.streaming);
                    close(key, c);
                }
            }
        }
    }

    private void close(SelectionKey key, Connection c) {
        if (!key.isValid()) {
            return; // closed already
        }
        key.cancel();
        EchoServer.closeQuietly(c.channel);
        open--;
    }
}
