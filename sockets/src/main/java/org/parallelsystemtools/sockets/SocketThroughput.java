package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures EchoServer the way ../shared/anchors/socket_bench.py measures the seed's server:
 * K client threads each send M messages, one connection per message. A second figure sends
 * request/response round trips over one long-lived connection, which shows what connecting costs.
 */
public final class SocketThroughput {

    private static final String USAGE = "usage: SocketThroughput [--clients K] [--messages M]"
            + " [--round-trips R] [--workers N]";

    private SocketThroughput() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int clients;
        int messages;
        int roundTrips;
        int workers;
        try {
            Options o = Options.parse(args,
                    Set.of("--clients", "--messages", "--round-trips", "--workers"), Set.of());
            o.noPositional();
            clients = o.intValue("--clients", 5, 1, 200);
            messages = o.intValue("--messages", 4000, 1, 10_000_000);
            roundTrips = o.intValue("--round-trips", 20_000, 1, 100_000_000);
            // Each reply is pure CPU work (no disk, no waiting), so threads beyond the cores only
            // add switching: the default pool has one worker per core.
            workers = o.intValue("--workers", Runtime.getRuntime().availableProcessors(), 1, 1000);
        } catch (Options.UsageException e) {
            err.println("SocketThroughput: " + e.getMessage() + " (" + USAGE + ")");
            return 2;
        }
        EchoServer.Config perMessage = EchoServer.Config.defaults(0);
        perMessage = new EchoServer.Config(perMessage.bind(), 0, workers, perMessage.queue(),
                perMessage.timeoutMillis(), false);
        EchoServer.Config keepAlive = new EchoServer.Config(perMessage.bind(), 0, 1, 1,
                perMessage.timeoutMillis(), true);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int total = clients * messages;
        int bad;
        int badTrips;
        double seconds;
        double tripSeconds;
        // Both servers are closed before the figures are printed, so the figure stays the last line.
        try (EchoServer server = EchoServer.start(perMessage, err);
             EchoServer longLived = EchoServer.start(keepAlive, quiet)) {
            InetSocketAddress address = new InetSocketAddress(perMessage.bind(), server.port());
            // Warm-up (not counted): the JIT compiles the hot paths while it runs, which Python
            // never does. Too short a warm-up and the C2 compiler threads take a core away from
            // the measured phase: the figure would be the JIT's, not the sockets'.
            connectPerMessage(address, Math.min(clients, 2), Math.min(messages, 5_000));
            long t0 = System.nanoTime();
            bad = connectPerMessage(address, clients, messages);
            seconds = (System.nanoTime() - t0) / 1e9;

            InetSocketAddress keepAddress = new InetSocketAddress(perMessage.bind(), longLived.port());
            roundTripsOnOneConnection(keepAddress, Math.min(roundTrips, 10_000)); // warm-up
            long t1 = System.nanoTime();
            badTrips = roundTripsOnOneConnection(keepAddress, roundTrips);
            tripSeconds = (System.nanoTime() - t1) / 1e9;
        } catch (IOException e) {
            err.println("SocketThroughput: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        out.printf("one connection per message: %d clients x %d messages = %d in %.2f s (bad=%d)%n",
                clients, messages, total, seconds, bad);
        out.printf("one long-lived connection: %d round trips in %.2f s (bad=%d)%n",
                roundTrips, tripSeconds, badTrips);
        out.printf("keep-alive: %.0f round trips/s%n", roundTrips / tripSeconds);
        out.printf("sockets: %.0f msg/s%n", total / seconds);
        return bad == 0 && badTrips == 0 ? 0 : 1;
    }

    /** The seed protocol: every message on a new connection; returns how many replies were wrong. */
    private static int connectPerMessage(InetSocketAddress server, int clients, int messages)
            throws InterruptedException {
        AtomicInteger bad = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "client" + i;
            String expected = "server got: [" + name + "]";
            Thread t = new Thread(() -> {
                for (int m = 0; m < messages; m++) {
                    try {
                        // Timeout 0 = block as long as it takes, like the Python anchor's client.
                        if (!EchoClient.exchange(server, name, 0).equals(expected)) {
                            bad.incrementAndGet();
                        }
                    } catch (IOException e) {
                        bad.incrementAndGet();
                    }
                }
            }, "throughput-" + name);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return bad.get();
    }

    /** Request, reply, request, reply ... on a single connection; returns the wrong replies. */
    private static int roundTripsOnOneConnection(InetSocketAddress server, int roundTrips)
            throws IOException {
        int bad = 0;
        byte[] request = "client0\n".getBytes(UTF_8);
        try (Socket sock = new Socket()) {
            sock.connect(server, 10_000);
            sock.setSoTimeout(10_000);
            sock.setTcpNoDelay(true);
            OutputStream out = sock.getOutputStream();
            InputStream in = sock.getInputStream();
            for (int i = 0; i < roundTrips; i++) {
                out.write(request);
                if (!"server got: [client0]".equals(EchoProtocol.readReply(in))) {
                    bad++;
                }
            }
        }
        return bad;
    }
}
