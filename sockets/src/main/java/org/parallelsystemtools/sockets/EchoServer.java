package org.parallelsystemtools.sockets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's server made fit to leave running: loopback unless told otherwise, a bounded pool of
 * workers, a read timeout, a bounded message, and a clean close on SIGINT/SIGTERM.
 * Protocol ({@link EchoProtocol}): the client sends one line of at most 1024 bytes, the server
 * answers {@code server got: [line]} and closes the connection.
 */
public final class EchoServer implements AutoCloseable {

    private static final String USAGE = "usage: EchoServer [--bind ADDRESS] [--port N (0 = any free)]"
            + " [--workers N] [--queue N] [--timeout MS]";

    /** keepAlive (used by SocketThroughput only) answers every line until the client closes. */
    record Config(InetAddress bind, int port, int workers, int queue, int timeoutMillis,
                  boolean keepAlive) {
        static Config defaults(int port) {
            return new Config(InetAddress.getLoopbackAddress(), port, 16, 1000, 5_000, false);
        }
    }

    private final Config config;
    private final PrintStream log;
    private final ServerSocket listener;
    private final ThreadPoolExecutor workers;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();

    private EchoServer(Config config, PrintStream log) throws IOException {
        this.config = config;
        this.log = log;
        // A backlog of 4096 (the kernel caps it at net.core.somaxconn) lets a burst of clients
        // wait in the kernel instead of having their connection attempts dropped.
        listener = new ServerSocket(config.port(), 4096, config.bind());
        AtomicInteger n = new AtomicInteger();
        // Bounded threads AND a bounded queue: a flood of clients costs at most
        // workers + queue sockets; the rest are refused at once with a one-line answer.
        workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.queue()),
                r -> new Thread(r, "echo-worker-" + n.incrementAndGet()));
        acceptor = new Thread(this::acceptLoop, "echo-acceptor");
        acceptor.start();
    }

    /** Binds (BindException if the port is taken) and starts accepting. */
    static EchoServer start(Config config, PrintStream log) throws IOException {
        return new EchoServer(config, log);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted and not yet finished (being served or waiting in the queue). */
    int connections() {
        return open.size();
    }

    String address() {
        return listener.getInetAddress().getHostAddress() + ":" + port();
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, server -> Runtime.getRuntime()
                .addShutdownHook(new Thread(server::close, "echo-shutdown")));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Parses, starts, announces, then waits until the server is closed (by the shutdown hook). */
    static int run(String[] args, PrintStream out, PrintStream err,
                   java.util.function.Consumer<EchoServer> onStart) {
        Config config;
        try {
            Options o = Options.parse(args,
                    Set.of("--bind", "--port", "--workers", "--queue", "--timeout"), Set.of());
            o.noPositional();
            config = new Config(InetAddress.getByName(o.value("--bind", "127.0.0.1")),
                    o.intValue("--port", EchoDemo.DEFAULT_PORT, 0, 65535),
                    o.intValue("--workers", 16, 1, 1000), o.intValue("--queue", 1000, 1, 100_000),
                    o.intValue("--timeout", 5_000, 1, 3_600_000), false);
        } catch (Options.UsageException e) {
            err.println("EchoServer: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        } catch (UnknownHostException e) {
            err.println("EchoServer: unknown host for --bind: " + e.getMessage());
            return 1;
        }
        String where = config.bind().getHostAddress() + ":" + config.port();
        try {
            EchoServer server = start(config, out);
            onStart.accept(server);
            out.println("EchoServer listening on " + server.address() + " (pid "
                    + ProcessHandle.current().pid() + ", " + config.workers() + " workers, timeout "
                    + config.timeoutMillis() + " ms)");
            server.awaitClosed();
            return 0;
        } catch (BindException e) {
            err.println("EchoServer: cannot listen on " + where + ": " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("EchoServer: " + where + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private void acceptLoop() {
        while (!closing.get()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closing.get()) { // e.g. out of file descriptors: say so, keep serving
                    log.println("EchoServer: accept failed: " + e.getMessage());
                    pause();
                }
                continue;
            }
            open.add(socket);
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                refuse(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(config.timeoutMillis());
            // A whole message (1024 bytes, \r\n) fits; the default 8 KB buffer would be allocated
            // and zeroed for every connection for nothing.
            InputStream in = new BufferedInputStream(socket.getInputStream(),
                    EchoProtocol.MAX_MESSAGE + 2);
            do {
                byte[] message;
                try {
                    message = EchoProtocol.readMessage(in);
                } catch (EchoProtocol.TooLongException e) {
                    socket.getOutputStream().write(EchoProtocol.line(EchoProtocol.TOO_LONG));
                    log.println("EchoServer: " + who(socket) + " sent more than "
                            + EchoProtocol.MAX_MESSAGE
                            + " bytes without a newline: answered with an error");
                    EchoProtocol.drainAndClose(socket, in);
                    return;
                }
                if (message == null) {
                    break; // the client closed without (another) message
                }
                socket.getOutputStream().write(EchoProtocol.reply(message));
                answered.incrementAndGet();
            } while (config.keepAlive());
        } catch (SocketTimeoutException e) {
            dropped.incrementAndGet();
            log.println("EchoServer: " + who(socket) + " dropped: nothing to answer after "
                    + config.timeoutMillis() + " ms");
        } catch (IOException e) {
            if (!closing.get()) {
                log.println("EchoServer: " + who(socket) + " vanished: " + e.getMessage());
            }
        } finally {
            open.remove(socket);
        }
    }

    /** The client's address, for log lines only: not built for the clients that need none. */
    private static String who(Socket socket) {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    private void refuse(Socket socket) {
        if (!closing.get()) {
            refused.incrementAndGet();
        }
        try (socket) {
            if (!closing.get()) {
                socket.getOutputStream().write(EchoProtocol.line(EchoProtocol.BUSY));
            }
        } catch (IOException e) {
            // a refused client that is already gone needs no answer
        } finally {
            open.remove(socket);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Stops listening, ends every connection and every worker; safe to call twice. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closeQuietly(listener); // wakes the accept() in the acceptor thread
        boolean interrupted = false;
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            interrupted = true; // finish closing first: a worker left running would keep the JVM up
        }
        workers.shutdownNow(); // queued connections are never served ...
        open.forEach(EchoServer::closeQuietly); // ... and closing a socket wakes its reader
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        log.println("EchoServer closed " + address() + ": " + answered + " answered, "
                + refused + " refused, " + dropped + " dropped");
        closed.countDown();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // closing anyway: nothing more to do with it
        }
    }
}
