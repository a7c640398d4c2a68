package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The book's server made fit to leave running: loopback unless told otherwise, a bounded number of
 * threads, a read timeout, a bounded message, and a clean close on Ctrl-C or SIGTERM.
 *
 * <p>It speaks the book's protocol: a message is what one read returns (at most 1024 bytes), the
 * answer is {@code server got: [message]} with nothing added, then the server closes. A client
 * that ends its message with a newline gets its answer ended by one too. More than 1024 bytes is
 * answered with {@code server error: message longer than 1024 bytes}.
 *
 * <p>Who serves a connection: a fixed pool of {@code --workers} threads, each accepting its own
 * next connection (no hand-off between threads), or, with {@code --virtual} on JDK 21 or newer, a
 * virtual thread per connection, at most {@code --max-connections} at once. Either way a client
 * the server cannot take yet waits in the kernel's listen queue.
 */
public final class EchoServer implements AutoCloseable {

    static final int MAX_MESSAGE = 1024;
    static final String TOO_LONG = "server error: message longer than " + MAX_MESSAGE + " bytes";
    private static final byte[] PREFIX = "server got: [".getBytes(UTF_8);
    private static final String USAGE = "EchoServer [--bind ADDRESS] [--port N (0 = any free)]"
            + " [--workers N] [--timeout MS] [--virtual] [--max-connections N]";
    private static final String VIRTUAL_RUNNER = "org.parallelsystemtools.sockets.beyond.VirtualConnections";

    /** Where to listen (an InetSocketAddress or a UnixDomainSocketAddress) and how to serve. */
    record Config(SocketAddress address, int workers, int timeoutMillis, boolean virtual,
                  int maxConnections) {
        static Config tcp(int port, int workers, int timeoutMillis) {
            return new Config(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), workers,
                    timeoutMillis, false, 0);
        }
    }

    /** What runs the connections: the worker pool here, virtual threads in the java21 folder. */
    interface Runner {
        void start(EchoServer server) throws IOException;

        String describe();

        /** Waits until every thread it started has ended. */
        void join(long millis) throws InterruptedException;
    }

    /** One connection being served, watched by the reaper for its deadline. */
    static final class Slot {
        final AtomicReference<SocketChannel> current = new AtomicReference<>();
        volatile long deadline;
        volatile boolean quiet;
    }

    private final Config config;
    private final PrintStream log;
    private final ServerSocketChannel listener;
    private final Runner runner;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread reaper;
    final LongAdder answered = new LongAdder();
    final LongAdder dropped = new LongAdder();

    private EchoServer(Config config, PrintStream log, Runner runner) throws IOException {
        this.config = config;
        this.log = log;
        this.runner = runner;
        boolean unix = config.address() instanceof UnixDomainSocketAddress;
        listener = ServerSocketChannel.open(unix ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET);
        try {
            // A backlog of 4096 (the kernel caps it at net.core.somaxconn): clients the threads
            // cannot take yet wait there instead of being turned away.
            listener.bind(config.address(), 4096);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        // A read with SO_TIMEOUT costs a non-blocking switch and a poll per connection; instead
        // reads block, and this thread closes a connection whose deadline has passed.
        reaper = new Thread(this::reap, "echo-reaper");
        reaper.setDaemon(true);
        reaper.start();
        runner.start(this);
    }

    /** Binds (BindException if the address is taken) and starts serving. */
    static EchoServer start(Config config, PrintStream log) throws IOException {
        return new EchoServer(config, log, config.virtual() ? virtualRunner(config) : new Pool(config.workers()));
    }

    public static void main(String[] args) throws IOException {
        Options o = new Options("EchoServer", USAGE, args, "--bind", "--port", "--workers", "--timeout",
                "--virtual!", "--max-connections");
        o.positional(0);
        String bind = o.text("--bind", "127.0.0.1");
        int port = o.whole("--port", 50008, 0, 65535);
        int workers = o.whole("--workers", 16, 1, 1000);
        int timeout = o.whole("--timeout", 5_000, 1, 3_600_000);
        boolean virtual = o.flag("--virtual");
        int max = o.whole("--max-connections", 10_000, 1, 100_000);
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
        String where = address.getAddress().getHostAddress() + ":" + port;
        EchoServer server;
        try {
            server = start(new Config(address, workers, timeout, virtual, max), System.out);
        } catch (IOException e) {
            System.err.println("EchoServer: cannot listen on " + where + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "echo-shutdown"));
        System.out.println("EchoServer listening on " + server.address() + " (pid "
                + ProcessHandle.current().pid() + ", " + server.runner.describe() + ", timeout " + timeout + " ms)");
        if (virtual) {
            warnAboutFileLimit(max);
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

    /** Each connection is a file descriptor: more clients than ulimit -n allows fail in accept. */
    private static void warnAboutFileLimit(int max) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    long soft = Long.parseLong(line.substring(26).trim().split("\\s+")[0]);
                    if (soft < max + 100L) {
                        System.out.println("EchoServer: ulimit -n is " + soft + ": fewer than " + max
                                + " connections fit (raise it with ulimit -n)");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to check
        }
    }

    int port() {
        return config.address() instanceof InetSocketAddress ? localInet().getPort() : 0;
    }

    String address() {
        if (config.address() instanceof UnixDomainSocketAddress unix) {
            return unix.getPath().toString();
        }
        return localInet().getAddress().getHostAddress() + ":" + localInet().getPort();
    }

    private InetSocketAddress localInet() {
        try {
            return (InetSocketAddress) listener.getLocalAddress();
        } catch (IOException e) {
            return (InetSocketAddress) config.address();
        }
    }

    int timeoutMillis() {
        return config.timeoutMillis();
    }

    boolean closing() {
        return closing.get();
    }

    /** Accepts the next connection; null once the server is closing. */
    SocketChannel accept() {
        while (!closing.get()) {
            try {
                return listener.accept();
            } catch (ClosedChannelException e) {
                return null;
            } catch (IOException e) { // e.g. out of file descriptors: say so, keep serving
                log.println("EchoServer: accept failed: " + e.getMessage());
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
     * Serves one connection: one read, one answer, close. {@code in} and {@code out} belong to
     * the calling thread and are reused for every connection it serves.
     */
    void serve(Slot slot, SocketChannel channel, ByteBuffer in, ByteBuffer out) {
        slot.quiet = false;
        slot.deadline = System.nanoTime() + config.timeoutMillis() * 1_000_000L;
        slot.current.set(channel);
        try (channel) {
            if (closing.get()) {
                return; // close() may have swept the slots before this connection was in one
            }
            in.clear();
            if (channel.read(in) <= 0) {
                return; // closed without a message: nothing to answer
            }
            int length = in.position();
            boolean line = false;
            for (int i = 0; i < length; i++) {
                if (in.get(i) == '\n') {
                    length = i > 0 && in.get(i - 1) == '\r' ? i - 1 : i;
                    line = true;
                    break;
                }
            }
            out.clear();
            if (length > MAX_MESSAGE) {
                tooLong(slot, channel, in, out);
                return;
            }
            in.position(0).limit(length);
            out.put(PREFIX).put(in).put((byte) ']');
            if (line) {
                out.put((byte) '\n');
            }
            out.flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            answered.increment();
        } catch (AsynchronousCloseException e) {
            // closed by the reaper (it counted and logged it) or by close()
        } catch (IOException e) {
            if (!closing.get()) {
                log.println("EchoServer: " + who(channel) + " vanished: " + e.getMessage());
            }
        } finally {
            slot.current.compareAndSet(channel, null);
        }
    }

    /**
     * Answers with the error, then reads and discards what the client still sends (at most 1 MB,
     * at most a second): closing with unread input makes the kernel send a reset, which can
     * destroy the answer before the client has read it.
     */
    private void tooLong(Slot slot, SocketChannel channel, ByteBuffer in, ByteBuffer out) throws IOException {
        out.put((TOO_LONG + "\n").getBytes(UTF_8)).flip();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        log.println("EchoServer: " + who(channel) + " sent more than " + MAX_MESSAGE
                + " bytes: answered with an error");
        channel.shutdownOutput();
        slot.quiet = true;
        slot.deadline = System.nanoTime() + 1_000_000_000L;
        for (int total = 0, n = 0; n >= 0 && total < (1 << 20); total += n) {
            in.clear();
            n = channel.read(in);
        }
    }

    private static String who(SocketChannel channel) {
        try {
            return channel.getRemoteAddress() instanceof InetSocketAddress inet
                    ? inet.getAddress().getHostAddress() + ":" + inet.getPort() : "a local client";
        } catch (IOException e) {
            return "a client";
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
                    boolean quiet = slot.quiet;
                    String who = quiet ? "" : who(channel);
                    if (slot.current.compareAndSet(channel, null)) {
                        closeQuietly(channel);
                        if (!quiet && !closing.get()) {
                            dropped.increment();
                            log.println("EchoServer: " + who + " dropped: nothing to answer after "
                                    + config.timeoutMillis() + " ms");
                        }
                    }
                }
            }
        }
    }

    /** Connections being served now. */
    int connections() {
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
        closeQuietly(listener); // wakes every accept()
        boolean interrupted = false;
        for (int round = 0; round < 3; round++) {
            slots.forEach(slot -> {
                SocketChannel channel = slot.current.getAndSet(null);
                if (channel != null) {
                    closeQuietly(channel); // wakes its reader
                }
            });
            try {
                runner.join(round == 2 ? 5_000 : 200);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        reaper.interrupt();
        if (config.address() instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                log.println("EchoServer: cannot remove " + unix.getPath() + ": " + e.getMessage());
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

    /** A fixed number of platform threads, each accepting and serving its own connections. */
    private static final class Pool implements Runner {
        private final int size;
        private final List<Thread> threads = new ArrayList<>();

        Pool(int size) {
            this.size = size;
        }

        @Override
        public void start(EchoServer server) {
            for (int i = 1; i <= size; i++) {
                Slot slot = new Slot();
                server.register(slot);
                Thread t = new Thread(() -> {
                    // Direct buffers, made once per thread: a read into a heap array would copy
                    // through a temporary direct buffer on every call.
                    ByteBuffer in = ByteBuffer.allocateDirect(MAX_MESSAGE + 2);
                    ByteBuffer out = ByteBuffer.allocateDirect(PREFIX.length + MAX_MESSAGE + 64);
                    for (SocketChannel c; (c = server.accept()) != null; ) {
                        server.serve(slot, c, in, out);
                    }
                }, "echo-worker-" + i);
                threads.add(t);
                t.start();
            }
        }

        @Override
        public String describe() {
            return size + " workers";
        }

        @Override
        public void join(long millis) throws InterruptedException {
            long end = System.currentTimeMillis() + millis;
            for (Thread t : threads) {
                t.join(Math.max(1, end - System.currentTimeMillis()));
            }
        }
    }
}
