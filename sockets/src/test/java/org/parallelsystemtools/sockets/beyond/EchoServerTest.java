package org.parallelsystemtools.sockets.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parallelsystemtools.sockets.SocketChecks;

class EchoServerTest {

    private final SocketChecks.Capture log = new SocketChecks.Capture();
    private EchoServer server;
    private InetSocketAddress address;

    private void start(int timeoutMillis) throws IOException {
        server = EchoServer.start(EchoServer.Config.tcp(0, timeoutMillis), log.stream);
        address = new InetSocketAddress(SocketChecks.LOOPBACK, server.port());
    }

    private String ask(String message) throws IOException {
        return EchoClient.exchange(address, message, 10_000);
    }

    /** What a client gets for these bytes, read to the server's close. */
    private byte[] raw(String sent) throws IOException {
        try (Socket s = new Socket(SocketChecks.LOOPBACK, server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(sent.getBytes(UTF_8));
            return s.getInputStream().readAllBytes();
        }
    }

    @AfterEach
    void closeAndCheckNothingIsLeft() throws IOException {
        if (server != null) {
            server.close();
            SocketChecks.assertPortFree(server.port());
        }
        SocketChecks.awaitNoThreadsNamed("echo-");
    }

    @Test
    void theBookProtocolIsAnsweredAsItIsAndALineGetsALineBack() throws IOException {
        start(2_000);
        // The book's client: no newline, one read. The answer adds nothing, then the server closes.
        assertEquals("server got: [client0]", new String(raw("client0"), UTF_8));
        assertEquals("server got: [client0]\n", new String(raw("client0\n"), UTF_8));
        assertEquals("server got: [crlf]\n", new String(raw("crlf\r\n"), UTF_8));
        assertEquals("server got: [grüße, 世界]", ask("grüße, 世界")); // UTF-8 both ways
        server.close();
        assertEquals(List.of("EchoServer closed " + server.address() + ": 4 answered, 0 dropped"), log.lines());
    }

    @Test
    void aThousandSilentClientsDoNotKeepTheNextOneWaiting() throws IOException {
        start(60_000);
        List<Socket> silent = new ArrayList<>();
        try {
            // A pool of 16 threads blocked in 16 reads would leave the 17th client unanswered
            // for the whole timeout; the selector thread holds no thread for a silent client.
            for (int i = 0; i < 1000; i++) {
                silent.add(new Socket(SocketChecks.LOOPBACK, server.port()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> server.connections() == 1000);
            assertEquals("server got: [next]", ask("next"));
            // The silent ones are still open (the server closes the answered one just after
            // writing, which the client may read first).
            await().atMost(Duration.ofSeconds(30)).until(() -> server.connections() == 1000);
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
        assertEquals("", log.text());
    }

    @Test
    void aSilentClientIsDroppedAfterTheTimeout() throws IOException {
        start(300);
        try (Socket silent = new Socket(SocketChecks.LOOPBACK, server.port())) {
            silent.setSoTimeout(10_000);
            assertEquals("server got: [next]", ask("next"));
            assertEquals(-1, silent.getInputStream().read()); // the server gave up on it
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.dropped.sum() == 1);
        assertEquals(1, log.lines().size(), log.text());
        assertTrue(log.lines().get(0).matches(
                "EchoServer: 127\\.0\\.0\\.1:\\d+ dropped: nothing to answer after 300 ms"), log.text());
        assertEquals("server got: [after]", ask("after"));
    }

    @Test
    void aMegabyteIsEchoedWholeUntilTheClientsHalfClose() throws Exception {
        start(10_000);
        String max = "x".repeat(EchoServer.MAX_MESSAGE);
        assertEquals("server got: [" + max + "]", ask(max)); // 1024 bytes: the book's message
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        try (Socket s = new Socket(SocketChecks.LOOPBACK, server.port())) {
            s.setSoTimeout(30_000);
            // Written from a thread of its own: the echo comes back while the rest goes out.
            Thread writer = new Thread(() -> {
                try {
                    s.getOutputStream().write(big);
                    s.shutdownOutput(); // the half-close ends the message
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            byte[] reply = s.getInputStream().readAllBytes();
            writer.join();
            String expected = "server got: [" + new String(big, UTF_8) + "]";
            assertEquals(expected.length(), reply.length);
            assertEquals(expected, new String(reply, UTF_8));
        }
        assertEquals("server got: [client1]", ask("client1"));
        assertEquals("", log.text());
    }

    @Test
    void aHalfCloseEndsTheMessageAndNothingAtAllIsNoMessage() throws IOException {
        start(10_000);
        try (Socket s = new Socket(SocketChecks.LOOPBACK, server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("client0".getBytes(UTF_8));
            s.shutdownOutput();
            assertEquals("server got: [client0]", new String(s.getInputStream().readAllBytes(), UTF_8));
        }
        try (Socket quiet = new Socket(SocketChecks.LOOPBACK, server.port())) {
            quiet.setSoTimeout(10_000);
            quiet.shutdownOutput(); // closed without a message: nothing to answer, nothing to log
            assertEquals(-1, quiet.getInputStream().read());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> server.connections() == 0);
        assertEquals(1, server.answered.sum());
        assertEquals("", log.text());
    }

    @Test
    void clientsThatVanishCostAtMostOneLogLineEach() throws IOException {
        start(2_000);
        for (int i = 0; i < 20; i++) {
            try (Socket gone = new Socket(SocketChecks.LOOPBACK, server.port())) {
                gone.getOutputStream().write("bye".getBytes(UTF_8));
                gone.setSoLinger(true, 0); // close() now resets the connection
            }
        }
        assertEquals("server got: [still here]", ask("still here"));
        assertTrue(log.lines().size() <= 20, log.text());
        assertTrue(log.lines().stream().allMatch(l -> l.contains(" vanished: ")), log.text());
    }

    @Test
    void twoThousandClientsAtOnceAreAllAnswered() throws Exception {
        start(10_000);
        int clients = 2000;
        CountDownLatch go = new CountDownLatch(1);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String name = "client" + i;
            Thread t = new Thread(null, () -> {
                try {
                    go.await();
                    String reply = EchoClient.exchange(address, name, 20_000);
                    if (!reply.equals("server got: [" + name + "]")) {
                        wrong.add(name + " got " + reply);
                    }
                } catch (Exception e) {
                    wrong.add(name + ": " + e);
                }
            }, "test-" + name, 256 * 1024);
            threads.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertEquals(List.of(), List.copyOf(wrong));
        // The server counts a reply after writing it, so a client can read it first.
        await().atMost(Duration.ofSeconds(30)).until(() -> server.answered.sum() == clients);
        assertEquals("", log.text());
    }

    @Test
    void itListensOnIpv6WhenBoundToAnIpv6Address() throws IOException {
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("::1"), 0);
        try {
            server = EchoServer.start(new EchoServer.Config(v6, 2_000, false, 100), log.stream);
        } catch (IOException e) {
            Assumptions.abort("skipped: no IPv6 loopback here (" + e.getMessage() + ")");
        }
        assertTrue(server.address().matches("\\[0:0:0:0:0:0:0:1]:\\d+"), server.address());
        assertEquals("server got: [client0]", EchoClient.exchange(new InetSocketAddress(v6.getAddress(),
                server.port()), "client0", 10_000));
        server.close();
        server = null;
        assertEquals(1, log.lines().size(), log.text());
    }

    @Test
    void closeEndsConnectionsInProgressAndFreesThePort() throws IOException {
        start(60_000);
        try (Socket first = new Socket(SocketChecks.LOOPBACK, server.port());
             Socket second = new Socket(SocketChecks.LOOPBACK, server.port());
             Socket waiting = new Socket(SocketChecks.LOOPBACK, server.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 3);
            long t0 = System.nanoTime();
            server.close(); // must not wait 60 s for the silent clients
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
            for (Socket s : List.of(first, second, waiting)) {
                s.setSoTimeout(5_000);
                assertEndOfStream(s.getInputStream());
            }
        }
        SocketChecks.assertPortFree(server.port());
    }

    private static void assertEndOfStream(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("reset"), e.toString()); // also an end
        }
    }
}
