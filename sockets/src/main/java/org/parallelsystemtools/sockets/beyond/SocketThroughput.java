package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The book's protocol under load, as compare/socket_bench.c and compare/socket_bench.py run it:
 * K client threads each send M messages, a new connection per message, to an EchoServer in the
 * same JVM. One figure per transport: TCP on loopback with the worker pool, a Unix-domain socket
 * with the same pool, and (JDK 21+) TCP with a virtual thread per connection.
 */
public final class SocketThroughput {

    private static final String USAGE = "SocketThroughput [--clients K] [--messages M]"
            + " [--transport tcp|unix|virtual|all]";

    private SocketThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options("SocketThroughput", USAGE, args, "--clients", "--messages", "--transport");
        o.positional(0);
        int clients = o.whole("--clients", 5, 1, 64);
        int messages = o.whole("--messages", 4000, 1, 200_000);
        String transport = o.text("--transport", "all");
        if (!List.of("tcp", "unix", "virtual", "all").contains(transport)) {
            o.fail("--transport must be tcp, unix, virtual or all, not '" + transport + "'");
        }
        if ((long) clients * messages > 1_000_000) {
            o.fail("--clients x --messages must be at most 1000000 (about two minutes), not "
                    + (long) clients * messages);
        }
        boolean virtualOk = Runtime.version().feature() >= 21;
        List<String> runs = new ArrayList<>();
        for (String t : List.of("tcp", "unix", "virtual")) {
            if (transport.equals("all") ? !t.equals("virtual") || virtualOk : transport.equals(t)) {
                runs.add(t);
            }
        }
        int warmup = Math.min(messages, 2_000);
        long total = (long) clients * messages;
        // A guess of 5,000 connections a second per run, warm-up included, to say roughly how long.
        long seconds = Math.max(1, Math.round((total + 2.0 * warmup) * runs.size() / 5_000));
        System.out.printf("SocketThroughput: %d clients x %d messages, a connection each, over %s;"
                + " about %d s (each after a warm-up of 2 x %d, not counted)%n",
                clients, messages, String.join(", ", runs), seconds, warmup);
        boolean allGood = true;
        for (String run : runs) {
            allGood &= measure(run, clients, messages, warmup);
        }
        if (transport.equals("all") && !virtualOk) {
            System.out.println("virtual: skipped, virtual threads need JDK 21 (this is JDK "
                    + Runtime.version().feature() + ")");
        }
        if (!allGood) {
            System.exit(1);
        }
    }

    private static boolean measure(String run, int clients, int messages, int warmup)
            throws IOException, InterruptedException {
        Path dir = run.equals("unix") ? Files.createTempDirectory("echo") : null;
        SocketAddress bind = dir != null ? UnixDomainSocketAddress.of(dir.resolve("echo.sock"))
                : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        boolean virtual = run.equals("virtual");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        int bad;
        double elapsed;
        long cpu;
        double userShare;
        String who;
        try (EchoServer server = EchoServer.start(new EchoServer.Config(bind, 60_000, virtual, 10_000), quiet)) {
            SocketAddress address = dir != null ? bind
                    : new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            // The JIT compiles the hot paths during the warm-up, as Python never needs to.
            connectPerMessage(address, Math.min(clients, 2), warmup);
            long[] ticks0 = userAndKernelTicks();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            bad = connectPerMessage(address, clients, messages);
            elapsed = (System.nanoTime() - t0) / 1e9;
            cpu = processCpuNanos() - cpu0;
            long[] ticks1 = userAndKernelTicks();
            userShare = ticks1[0] - ticks0[0] + ticks1[1] - ticks0[1] == 0 ? 0
                    : 100.0 * (ticks1[0] - ticks0[0]) / (ticks1[0] - ticks0[0] + ticks1[1] - ticks0[1]);
            who = virtual ? "virtual threads" : "selector";
        } finally {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        }
        int total = clients * messages;
        // CPU time per message counts every thread of the process (kernel time included): unlike
        // msg/s, it hardly changes when other programs compete for the cores.
        System.out.printf("%s (%s): %.0f msg/s (%d in %.2f s, bad=%d), cpu %.0f us/msg (%.0f%% user)%n",
                run, who, total / elapsed, total, elapsed, bad, cpu / 1e3 / total, userShare);
        return bad == 0;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** This process's user and kernel CPU time so far, in clock ticks (/proc/self/stat); zeros without /proc. */
    private static long[] userAndKernelTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /** K threads x M messages, each on a new connection; returns how many replies were wrong. */
    static int connectPerMessage(SocketAddress server, int clients, int messages) throws InterruptedException {
        AtomicInteger bad = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "client" + i;
            Thread t = new Thread(() -> bad.addAndGet(client(server, name, messages)), "throughput-" + name);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return bad.get();
    }

    /** The book's client, M times: connect, send the name, read the reply, close. */
    private static int client(SocketAddress server, String name, int messages) {
        StandardProtocolFamily family = server instanceof UnixDomainSocketAddress
                ? StandardProtocolFamily.UNIX : StandardProtocolFamily.INET;
        ByteBuffer request = ByteBuffer.allocateDirect(64).put(name.getBytes(UTF_8)).flip();
        ByteBuffer expected = ByteBuffer.wrap(("server got: [" + name + "]").getBytes(UTF_8));
        ByteBuffer reply = ByteBuffer.allocateDirect(EchoServer.MAX_MESSAGE + 64);
        int bad = 0;
        for (int m = 0; m < messages; m++) {
            try (SocketChannel sock = SocketChannel.open(family)) {
                sock.connect(server);
                request.rewind();
                while (request.hasRemaining()) {
                    sock.write(request);
                }
                reply.clear();
                while (reply.position() < expected.capacity() && sock.read(reply) > 0) {
                    // a reply can arrive in pieces; on loopback it is one read
                }
                if (!reply.flip().equals(expected)) {
                    bad++;
                }
            } catch (IOException e) {
                bad++;
            }
        }
        return bad;
    }
}
