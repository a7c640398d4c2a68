package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The book's server made fit to leave running: loopback unless told otherwise, a bounded number of
 * connections and of bytes held for each, a deadline for every connection, and a clean close on
 * Ctrl-C or SIGTERM.
 *
 * <p>It speaks the book's protocol: a message is what one read returns (at most 1024 bytes), the
 * answer is {@code server got: [message]} with nothing added, then the server closes. A client
 * that ends its message with a newline gets its answer ended by one too. A longer message is
 * echoed the same way, {@code server got: [} first, then the bytes as they arrive, {@code ]} at
 * the client's half-close (shutdownOutput), never holding more than 8 KiB of it.
 *
 * <p>Who serves the connections: by default one selector thread, which accepts, reads and writes
 * for all of them without ever blocking, so a silent client costs a file descriptor and a few
 * hundred bytes, not a thread; or, with {@code --virtual} on JDK 21 or newer, a virtual thread per
 * connection. Either way at most {@code --max-connections} are open; the next clients wait in the
 * kernel's listen queue.
 */
public final class EchoServer implements AutoCloseable {

    static final int MAX_MESSAGE = 1024;
    /** The most of a longer message held for one connection at a time. */
    static final int CHUNK = 8 * 1024;
    /** Below Linux's ephemeral ports (32768-60999), so no outgoing connection holds it by chance. */
    static final int DEFAULT_PORT = 25008;
    static final byte[] PREFIX = "server got: [".getBytes(UTF_8);
    private static final String USAGE = "EchoServer [--bind ADDRESS] [--port N (0 = any free)] [--timeout MS]"
            + " [--max-connections N] [--virtual]";
    private static final String VIRTUAL_RUNNER = "org.parallelsystemtools.sockets.beyond.VirtualConnections";

    /** Where to listen (an InetSocketAddress or a UnixDomainSocketAddress) and how to serve. */
    record Config(SocketAddress address, int timeoutMillis, boolean virtual, int maxConnections) {
        static Config tcp(int port, int timeoutMillis) {
            return new Config(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMillis,
                    false, 10_000);
        }
    }

    /** What runs the connections: a selector thread here, virtual threads in the java21 folder. */
    interface Runner {
        void start(EchoServer server) throws IOException;

        String describe();

        /** Connections open now. */
        int connections();

        /** Told that the server is closing. */
        default void wake() {
        }

        /** Waits until every thread it started has ended. */
        void join(long millis) throws InterruptedException;
    }

    /** One connection served by a thread of its own, watched by the reaper for its deadline. */
    static final class Slot {
        final AtomicReference<SocketChannel> current = new AtomicReference<>();
        volatile long deadline;
        volatile boolean started;
    }

    private final Config config;
    private final PrintStream log;
    private final ServerSocketChannel listener;
    private final String bound;
    private final Runner runner;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread reaper;
    final LongAdder answered = new LongAdder();
    final LongAdder dropped = new LongAdder();
    /** Read now: once the descriptors run out, /proc/self/limits cannot be opened. */
    final long fileLimit = openFileLimit();

    private EchoServer(Config config, PrintStream log, Runner runner) throws IOException {
        this.config = config;
        this.log = log;
        this.runner = runner;
        SocketAddress address = config.address();
        listener = ServerSocketChannel.open(address instanceof UnixDomainSocketAddress ? StandardProtocolFamily.UNIX
                : address instanceof InetSocketAddress inet && inet.getAddress() instanceof Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try {
            // A backlog of 4096 (the kernel caps it at net.core.somaxconn): clients the server
            // cannot take yet wait there instead of being turned away.
            listener.bind(address, 4096);
            bound = describe(listener.getLocalAddress());
            // A blocking read has no deadline of its own (SO_TIMEOUT costs a switch to
            // non-blocking mode and a poll per read); this thread closes what is past its deadline.
            reaper = config.virtual() ? new Thread(this::reap, "echo-reaper") : null;
            runner.start(this);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        if (reaper != null) {
            reaper.setDaemon(true);
            reaper.start();
        }
    }

    /** Binds (BindException if the address is taken) and starts serving. */
    static EchoServer start(Config config, PrintStream log) throws IOException {
        return new EchoServer(config, log, config.virtual() ? virtualRunner(config)
                : new SelectorConnections(config.maxConnections()));
    }

    public static void main(String[] args) {
        Options o = new Options("EchoServer", USAGE, args, "--bind", "--port", "--timeout", "--virtual!",
                "--max-connections");
        o.positional(0);
        String bind = o.text("--bind", "127.0.0.1");
        int port = o.whole("--port", DEFAULT_PORT, 0, 65535);
        int timeout = o.whole("--timeout", 5_000, 1, 3_600_000);
        boolean virtual = o.flag("--virtual");
        int max = o.whole("--max-connections", 20_000, 1, 1_000_000);
        if (virtual && Runtime.version().feature() < 21) {
            System.err.println("EchoServer: --virtual needs JDK 21 or newer; this is JDK "
                    + Runtime.version().feature());
            System.exit(2);
        }
        if (virtual && EchoServer.class.getResource("VirtualConnections.class") == null) {
            System.err.println("EchoServer: --virtual: these classes were built by JDK 17;"
                    + " rebuild on JDK 21 or newer (mvn -q -pl sockets compile)");
            System.exit(2);
        }
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            System.err.println("EchoServer: unknown host for --bind: " + bind);
            System.exit(1);
            return;
        }
        EchoServer server;
        try {
            server = start(new Config(address, timeout, virtual, max), System.out);
        } catch (IOException | RuntimeException e) { // taken, not ours, or no IPv6 here
            System.err.println("EchoServer: cannot listen on " + describe(address) + ": " + e.getMessage()
                    + (port == DEFAULT_PORT ? " (choose another port with --port N)" : ""));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "echo-shutdown"));
        long files = server.fileLimit;
        System.out.println("EchoServer listening on " + server.address() + " (pid " + ProcessHandle.current().pid()
                + ", " + server.runner.describe() + ", timeout " + timeout + " ms, file limit " + files + ")");
        if (files < max + 100L) {
            System.out.println("EchoServer: with ulimit -n at " + files + ", fewer than " + files
                    + " connections fit, not " + max + "; past that, accept waits for one to close");
        }
        try {
            server.closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Runner virtualRunner(Config config) throws IOException {
        try {
            return (Runner) Class.forName(VIRTUAL_RUNNER).getDeclaredConstructor(int.class)
                    .newInstance(config.maxConnections());
        } catch (ReflectiveOperationException | UnsupportedClassVersionError e) {
            throw new IOException("--virtual: this build has no JDK 21 classes; rebuild on JDK 21 or newer");
        }
    }

    /** The soft limit on open files, which every connection counts against (the JVM raises it to the hard one). */
    static long openFileLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring(26).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing known
        }
        return Long.MAX_VALUE;
    }

    private static String describe(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress().getHostAddress();
            return (inet.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return address instanceof UnixDomainSocketAddress unix ? unix.getPath().toString() : String.valueOf(address);
    }

    int port() {
        return config.address() instanceof InetSocketAddress ? Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1)) : 0;
    }

    /** Where it listens, the real port included when it was given port 0. */
    String address() {
        return bound;
    }

    ServerSocketChannel listener() {
        return listener;
    }

    int timeoutMillis() {
        return config.timeoutMillis();
    }

    boolean closing() {
        return closing.get();
    }

    void say(String line) {
        log.println("EchoServer: " + line);
    }

    /** Accepts the next connection for a thread of its own; null once the server is closing. */
    SocketChannel accept() {
        boolean failing = false;
        while (!closing.get()) {
            try {
                SocketChannel channel = listener.accept();
                if (failing) {
                    say("accepting again");
                }
                return channel;
            } catch (ClosedChannelException e) {
                return null;
            } catch (IOException e) { // out of file descriptors: say so once, keep trying
                if (!failing) {
                    say("accept failed: " + e.getMessage() + " (file limit " + fileLimit
                            + "); trying again every 100 ms");
                    failing = true;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    return null;
                }
            }
        }
        return null;
    }

    void register(Slot slot) {
        slots.add(slot);
    }

    void unregister(Slot slot) {
        slots.remove(slot);
    }

    /**
     * Serves one connection on the calling thread: one read, one answer, close. {@code in} holds
     * at least MAX_MESSAGE + 2 bytes (a message and its CR LF), {@code out} the answer to it.
     */
    void serve(Slot slot, SocketChannel channel, ByteBuffer in, ByteBuffer out) {
        slot.started = false;
        slot.deadline = System.nanoTime() + config.timeoutMillis() * 1_000_000L;
        slot.current.set(channel);
        try (channel) {
            if (closing.get()) {
                return; // close() may have swept the slots before this connection was in one
            }
            in.clear().limit(MAX_MESSAGE + 2);
            if (channel.read(in) <= 0) {
                return; // closed without a message: nothing to answer
            }
            slot.started = true;
            int length = in.position();
            boolean line = false;
            for (int i = 0; i < length; i++) {
                if (in.get(i) == '\n') {
                    length = i > 0 && in.get(i - 1) == '\r' ? i - 1 : i;
                    line = true;
                    break;
                }
            }
            if (length > MAX_MESSAGE) {
                stream(slot, channel, in.flip());
                return;
            }
            out.clear();
            in.position(0).limit(length);
            out.put(PREFIX).put(in).put((byte) ']');
            if (line) {
                out.put((byte) '\n');
            }
            writeFully(channel, out.flip());
            answered.increment();
        } catch (AsynchronousCloseException e) {
            // closed by the reaper (it counted and logged it) or by close()
        } catch (IOException e) {
            if (!closing.get()) {
                say(who(channel) + " vanished: " + e.getMessage());
            }
        } finally {
            slot.current.compareAndSet(channel, null);
        }
    }

    /** A message longer than one read: echoed as it arrives, until the client's half-close. */
    private void stream(Slot slot, SocketChannel channel, ByteBuffer first) throws IOException {
        writeFully(channel, ByteBuffer.wrap(PREFIX));
        writeFully(channel, first);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        while (channel.read(chunk.clear()) >= 0) {
            slot.deadline = System.nanoTime() + config.timeoutMillis() * 1_000_000L;
            writeFully(channel, chunk.flip());
        }
        writeFully(channel, ByteBuffer.wrap(new byte[] {']'}));
        answered.increment();
    }

    private static void writeFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    static String who(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress inet
                    ? inet.getAddress().getHostAddress() + ":" + inet.getPort() : "a local client";
        } catch (IOException e) {
            return "a client";
        }
    }

    /** What a deadline ended: a connection that said nothing, or one that stopped moving. */
    void drop(String who, boolean started) {
        if (!closing.get()) {
            dropped.increment();
            say(who + " dropped: " + (started ? "no progress" : "nothing to answer") + " after "
                    + config.timeoutMillis() + " ms");
        }
    }

    /** Closes every connection whose deadline has passed, a few times per timeout. */
    private void reap() {
        long period = Math.max(5, Math.min(100, config.timeoutMillis() / 10));
        while (!closing.get()) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Slot slot : slots) {
                SocketChannel channel = slot.current.get();
                if (channel != null && now - slot.deadline > 0) {
                    String who = who(channel);
                    if (slot.current.compareAndSet(channel, null)) {
                        closeQuietly(channel);
                        drop(who, slot.started);
                    }
                }
            }
        }
    }

    /** Connections open now. */
    int connections() {
        return runner.connections();
    }

    /** Connections now served by a thread of their own. */
    int slotsInUse() {
        int n = 0;
        for (Slot slot : slots) {
            n += slot.current.get() == null ? 0 : 1;
        }
        return n;
    }

    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, ends every connection and every thread; safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener); // wakes every blocking accept()
        runner.wake();
        boolean interrupted = false;
        for (int round = 0; round < 3; round++) {
            slots.forEach(slot -> {
                SocketChannel channel = slot.current.getAndSet(null);
                if (channel != null) {
                    closeQuietly(channel); // wakes its reader
                }
            });
            try {
                // The listening port is free only once the runner has closed its selector (a
                // channel registered with one is closed when it is deregistered): on a loaded
                // machine that can take seconds, and close() must not return before it.
                runner.join(round == 2 ? 60_000 : 200);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (reaper != null) {
            reaper.interrupt();
        }
        if (config.address() instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                say("cannot remove " + unix.getPath() + ": " + e.getMessage());
            }
        }
        log.println("EchoServer closed " + address() + ": " + answered.sum() + " answered, "
                + dropped.sum() + " dropped");
        closed.countDown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway: nothing more to do with it
        }
    }
}
