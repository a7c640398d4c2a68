package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoServerTest {

    private final SocketChecks.Capture log = new SocketChecks.Capture();
    private EchoServer server;
    private InetSocketAddress address;

    private void start(int workers, int queue, int timeoutMillis) throws IOException {
        server = EchoServer.start(new EchoServer.Config(SocketChecks.LOOPBACK, 0, workers, queue,
                timeoutMillis, false), log.stream);
        address = new InetSocketAddress(SocketChecks.LOOPBACK, server.port());
    }

    private String ask(String message) throws IOException {
        return EchoClient.exchange(address, message, 10_000);
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
    void answersWithTheMessageItGot() throws IOException {
        start(4, 10, 2_000);
        assertEquals("server got: [client0]", ask("client0"));
        assertEquals("server got: [grüße, 世界]", ask("grüße, 世界")); // UTF-8 both ways
        assertEquals("server got: []", ask(""));
        server.close();
        assertEquals(List.of("EchoServer closed " + server.address() + ": 3 answered, 0 refused, 0 dropped"),
                log.lines());
    }

    @Test
    void aSilentClientDoesNotHoldUpOthersAndIsDroppedAfterTheTimeout() throws IOException {
        start(4, 10, 300);
        try (Socket silent = new Socket(SocketChecks.LOOPBACK, server.port())) {
            silent.setSoTimeout(10_000);
            // While the silent client holds one worker, others are answered.
            assertEquals("server got: [next]", ask("next"));
            // The server gives up on it: the silent client sees the end of the stream.
            assertEquals(-1, silent.getInputStream().read());
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> server.dropped.get() == 1);
        assertEquals(1, log.lines().size(), log.text());
        assertTrue(log.lines().get(0).matches(
                "EchoServer: 127\\.0\\.0\\.1:\\d+ dropped: nothing to answer after 300 ms"), log.text());
        assertEquals("server got: [after]", ask("after"));
    }

    @Test
    void anOversizedMessageGetsAClearErrorAndTheServerGoesOn() throws IOException {
        start(4, 10, 2_000);
        String max = "x".repeat(EchoProtocol.MAX_MESSAGE);
        assertEquals("server got: [" + max + "]", ask(max)); // 1024 bytes is still fine
        assertEquals(EchoProtocol.TOO_LONG, ask(max + "y"));   // 1025 is not
        assertEquals(EchoProtocol.TOO_LONG, ask("z".repeat(200_000)));
        assertEquals("server got: [client1]", ask("client1"));
        assertEquals(2, log.lines().size(), log.text());
        assertTrue(log.lines().get(0).endsWith(" sent more than 1024 bytes without a newline:"
                + " answered with an error"), log.text());
    }

    @Test
    void aClientThatVanishesCostsOneLogLine() throws IOException {
        start(4, 100, 2_000);
        try (Socket gone = new Socket(SocketChecks.LOOPBACK, server.port())) {
            gone.getOutputStream().write("half a mess".getBytes(UTF_8));
            gone.setSoLinger(true, 0); // close() now resets the connection: the client is gone
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !log.text().isEmpty());
        assertTrue(log.lines().get(0).matches("EchoServer: 127\\.0\\.0\\.1:\\d+ vanished: .+"),
                log.text());
        assertEquals("server got: [next]", ask("next"));

        // Vanishing right after sending, before the reply: at most one log line, still serving.
        for (int i = 0; i < 20; i++) {
            try (Socket gone = new Socket(SocketChecks.LOOPBACK, server.port())) {
                gone.getOutputStream().write("bye\n".getBytes(UTF_8));
                gone.setSoLinger(true, 0);
            }
        }
        assertEquals("server got: [still here]", ask("still here"));
        assertTrue(log.lines().size() <= 21, log.text());
        assertTrue(log.lines().stream().allMatch(l -> l.contains(" vanished: ")), log.text());
    }

    @Test
    void aThousandClientsAtOnceAreAllAnswered() throws Exception {
        start(16, 1000, 10_000);
        int clients = 1000;
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
        assertEquals(clients, server.answered.get());
        assertEquals("server got: [one more]", ask("one more"));
        assertEquals("", log.text());
    }

    @Test
    void whenWorkersAndQueueAreFullNewClientsAreRefusedCleanly() throws IOException {
        start(1, 1, 10_000);
        try (Socket busy = new Socket(SocketChecks.LOOPBACK, server.port());
             Socket waiting = new Socket(SocketChecks.LOOPBACK, server.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 2);
            assertEquals(EchoProtocol.BUSY, ask("refused"));
            assertEquals(1, server.refused.get());
            busy.getOutputStream().write("first\n".getBytes(UTF_8));
            waiting.getOutputStream().write("second\n".getBytes(UTF_8));
            assertEquals("server got: [first]", EchoProtocol.readReply(busy.getInputStream()));
            assertEquals("server got: [second]", EchoProtocol.readReply(waiting.getInputStream()));
        }
        assertEquals("server got: [served again]", ask("served again"));
    }

    @Test
    void closeEndsConnectionsInProgressAndFreesThePort() throws IOException {
        start(2, 10, 60_000);
        try (Socket first = new Socket(SocketChecks.LOOPBACK, server.port());
             Socket second = new Socket(SocketChecks.LOOPBACK, server.port());
             Socket queued = new Socket(SocketChecks.LOOPBACK, server.port())) {
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 3);
            server.close(); // must not wait 60 s for the silent clients
            for (Socket s : List.of(first, second, queued)) {
                s.setSoTimeout(5_000);
                assertEndOfStream(s.getInputStream());
            }
        }
        SocketChecks.assertPortFree(server.port());
        SocketChecks.awaitNoThreadsNamed("echo-");
    }

    private static void assertEndOfStream(InputStream in) {
        try {
            assertEquals(-1, in.read());
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("reset"), e.toString()); // also an end
        }
    }

    @Test
    void runRefusesBadArgumentsATakenPortAndAnUnknownHost() throws IOException {
        SocketChecks.Capture out = new SocketChecks.Capture();
        SocketChecks.Capture err = new SocketChecks.Capture();
        String usage = " (usage: EchoServer [--bind ADDRESS] [--port N (0 = any free)]"
                + " [--workers N] [--queue N] [--timeout MS])";
        assertEquals(2, EchoServer.run(new String[] {"--workers", "0"}, out.stream, err.stream, s -> { }));
        assertEquals(2, EchoServer.run(new String[] {"extra"}, out.stream, err.stream, s -> { }));
        assertEquals(List.of(
                "EchoServer: --workers wants a whole number from 1 to 1000, not '0'" + usage,
                "EchoServer: unexpected argument 'extra'" + usage), err.lines());
        err.bytes.reset();

        try (ServerSocket taken = new ServerSocket(0, 50, SocketChecks.LOOPBACK)) {
            String port = String.valueOf(taken.getLocalPort());
            assertEquals(1, EchoServer.run(new String[] {"--port", port}, out.stream, err.stream, s -> { }));
            assertEquals(List.of("EchoServer: cannot listen on 127.0.0.1:" + port
                    + ": Address already in use"), err.lines());
        }
        err.bytes.reset();
        assertEquals(1, EchoServer.run(new String[] {"--bind", "nosuch.invalid"}, out.stream,
                err.stream, s -> { }));
        assertEquals(1, err.lines().size(), err.text());
        assertTrue(err.lines().get(0).startsWith("EchoServer: unknown host for --bind: nosuch.invalid"),
                err.text());
        assertEquals("", out.text());
    }
}
