package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The seed, in one JVM: a server thread and five client threads talk over a real TCP socket.
 * Each client sends its name and prints {@code Client got: [server got: [clientN]]}; the program
 * ends by itself once all five have their reply.
 */
public final class EchoDemo {

    static final int DEFAULT_PORT = 50008;
    static final int MAX_MESSAGE = 1024;
    private static final String USAGE = "usage: EchoDemo [--port N (0 = any free port)] [--clients N]";

    private EchoDemo() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, port -> { });
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the demo and returns the exit code; {@code boundPort} learns the port actually used. */
    static int run(String[] args, PrintStream out, PrintStream err, IntConsumer boundPort) {
        int port;
        int clients;
        try {
            Options options = Options.parse(args, Set.of("--port", "--clients"), Set.of());
            options.noPositional();
            port = options.intValue("--port", DEFAULT_PORT, 0, 65535);
            clients = options.intValue("--clients", 5, 1, 100);
        } catch (Options.UsageException e) {
            err.println("EchoDemo: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        // The seed binds to '' (every interface); the loopback address keeps the demo private.
        // Binding here, before any client starts, also removes the seed's race in which a client
        // thread could try to connect before the server thread had bound its port.
        InetAddress host = InetAddress.getLoopbackAddress();
        ServerSocket listener;
        try {
            listener = new ServerSocket(port, 50, host);
        } catch (IOException e) {
            err.println("EchoDemo: cannot listen on " + host.getHostAddress() + ":" + port + ": "
                    + e.getMessage() + " (try --port 0)");
            return 1;
        }
        boundPort.accept(listener.getLocalPort());
        Thread server = new Thread(() -> serve(listener, err), "echo-demo-server");
        server.start();
        AtomicInteger failures = new AtomicInteger();
        try {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String name = "client" + i;
                Thread t = new Thread(() -> {
                    if (!client(host, listener.getLocalPort(), name, out, err)) {
                        failures.incrementAndGet();
                    }
                }, "echo-demo-" + name);
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.incrementAndGet();
        } finally {
            stop(listener, server);
        }
        return failures.get() == 0 ? 0 : 1;
    }

    /**
     * Python ends its server by making the thread a daemon. Java's way is to close the listening
     * socket: the accept() blocked in the server thread throws, its loop ends, and nothing is
     * left listening (or running) when main returns.
     */
    private static void stop(ServerSocket listener, Thread server) {
        try {
            listener.close();
            server.join(10_000);
        } catch (IOException e) {
            // closing anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The seed's server loop: one client at a time, one read, one reply. */
    private static void serve(ServerSocket listener, PrintStream err) {
        while (true) {
            try (Socket conn = listener.accept()) {
                conn.setSoTimeout(5_000); // the seed would wait forever for a client that is silent
                byte[] data = new byte[MAX_MESSAGE];
                // Like recv(1024): whatever has arrived, at most 1024 bytes. Enough for a
                // seven-byte message sent in one write; EchoServer shows proper message framing.
                int n = conn.getInputStream().read(data);
                if (n > 0) {
                    // Bytes on the wire, text on the screen: the charset is the bridge, always named.
                    String reply = "server got: [" + new String(data, 0, n, UTF_8) + "]";
                    conn.getOutputStream().write(reply.getBytes(UTF_8));
                }
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return; // closed by run(): the demo is over
                }
                err.println("EchoDemo: server: " + e.getMessage());
            }
        }
    }

    /** One seed client: connect, send the name, read the reply until the server closes. */
    private static boolean client(InetAddress host, int port, String name, PrintStream out,
                                  PrintStream err) {
        try (Socket sock = new Socket(host, port)) {
            sock.setSoTimeout(5_000);
            sock.getOutputStream().write(name.getBytes(UTF_8));
            InputStream in = sock.getInputStream();
            byte[] reply = in.readNBytes(MAX_MESSAGE); // stops at 1024 bytes or the server's close
            out.println("Client got: [" + new String(reply, UTF_8) + "]");
            return true;
        } catch (IOException e) {
            err.println("EchoDemo: " + name + ": " + e.getMessage());
            return false;
        }
    }
}
