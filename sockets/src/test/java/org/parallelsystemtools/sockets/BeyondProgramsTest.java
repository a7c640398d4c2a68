package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parallelsystemtools.sockets.beyond.EchoClient;
import org.parallelsystemtools.sockets.beyond.EchoServer;
import org.parallelsystemtools.sockets.beyond.SocketThroughput;
import org.parallelsystemtools.sockets.beyond.UnixEcho;

/** The beyond-tier programs as a reader runs them: separate processes, signals, bad input. */
@Execution(ExecutionMode.CONCURRENT)
class BeyondProgramsTest {

    /** How long a run may take on a machine far busier than usual (a failure, not a wait). */
    private static final Duration SLOW = Duration.ofSeconds(120);

    @Test
    void aClientProcessTalksToAServerProcessOnAnyFreePortAndSigtermClosesItCleanly() throws Exception {
        RealProcess.Running server = RealProcess.of(EchoServer.class).timeout(SLOW).args("--port", "0", "--max-connections", "1000").start();
        try {
            server.awaitOutput(out -> out.contains("listening"));
            Matcher m = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+) ").matcher(server.terminal());
            assertTrue(m.find(), server.terminal());
            String port = m.group(1);
            RealProcess.Result client = RealProcess.of(EchoClient.class).timeout(SLOW)
                    .args("--port", port, "client0", "client1").run();
            assertEquals(0, client.code(), client.terminal());
            assertEquals(List.of("client got: [server got: [client0]]", "client got: [server got: [client1]]"),
                    client.outLines());
            server.signal("TERM");
            RealProcess.Result ended = server.finish();
            assertEquals(143, ended.code()); // 128 + SIGTERM, after the shutdown hook ran
            assertEquals(2, ended.outLines().size(), ended.terminal());
            assertTrue(ended.outLines().get(0).matches("EchoServer listening on 127\\.0\\.0\\.1:" + port + " \\(pid "
                    + server.pid() + ", one selector thread, at most 1000 connections, timeout 5000 ms,"
                    + " file limit \\d+\\)"), ended.terminal());
            // The real port, not the 0 it was given.
            assertEquals("EchoServer closed 127.0.0.1:" + port + ": 2 answered, 0 dropped", ended.outLines().get(1));
            assertEquals("", ended.err());
            SocketChecks.assertPortFree(Integer.parseInt(port));
        } finally {
            server.kill();
        }
    }

    @Test
    void virtualThreadsNeedJdk21AndSaySoInOneLine() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(EchoServer.class).timeout(SLOW)
                .args("--port", String.valueOf(port), "--virtual").start();
        if (Runtime.version().feature() < 21) {
            RealProcess.Result run = server.finish();
            assertEquals(2, run.code());
            assertEquals("EchoServer: --virtual needs JDK 21 or newer; this is JDK "
                    + Runtime.version().feature() + "\n", run.terminal());
            return;
        }
        try {
            server.awaitOutput(out -> out.contains("listening"));
            assertTrue(server.terminal().contains("a virtual thread per connection, at most 20000 at once"),
                    server.terminal());
            server.signal("TERM");
            assertEquals(143, server.finish().code());
        } finally {
            server.kill();
        }
    }

    @Test
    void tooLongARunIsRefusedInOneLine() {
        RealProcess.Result r = RealProcess.of(SocketThroughput.class).timeout(SLOW)
                .args("--clients", "64", "--messages", "200000").run();
        assertEquals(2, r.code(), r.terminal());
        assertEquals(1, r.terminal().lines().count(), r.terminal());
        assertTrue(r.err().startsWith("SocketThroughput: --clients x --messages must be at most 1000000"
                + " (about two minutes), not 12800000 (usage: "), r.err());
    }

    @Test
    void aClientWithNoServerExitsWithOneLine() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Result run = RealProcess.of(EchoClient.class).timeout(SLOW).args("--port", String.valueOf(port)).run();
        assertEquals(1, run.code());
        assertEquals("EchoClient: connection refused by localhost:" + port + " (is a server running?)\n",
                run.terminal());
    }

    @Test
    void unixEchoAnswersEveryClientAndRemovesItsSocketFile(@TempDir Path dir) {
        Path socket = dir.resolve("echo.sock");
        RealProcess.Result run = RealProcess.of(UnixEcho.class).timeout(SLOW).args("--path", socket.toString()).run();
        assertEquals(0, run.code(), run.terminal());
        assertEquals(List.of("client got: [server got: [client0]]", "client got: [server got: [client1]]",
                "client got: [server got: [client2]]", "client got: [server got: [client3]]",
                "client got: [server got: [client4]]"), run.outLines().stream().sorted().toList());
        assertEquals("EchoServer closed " + socket + ": 5 answered, 0 dropped\n", run.err());
        assertFalse(Files.exists(socket));
    }

    /** Ctrl-C (as a shell sends it, to the job) and SIGTERM: the socket file and its folder go. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void unixEchoStoppedBySignalLeavesNothing(String signal) throws Exception {
        Assumptions.assumeTrue(RealProcess.jobsPossible(), "skipped: no setsid or perl");
        RealProcess.Running run = RealProcess.of(UnixEcho.class).asJob().timeout(SLOW).args("--serve").start();
        try {
            run.awaitOutput(out -> out.contains("until Ctrl-C"));
            Matcher m = Pattern.compile("serving on (\\S+) until").matcher(run.terminal());
            assertTrue(m.find(), run.terminal());
            Path socket = Path.of(m.group(1));
            assertTrue(Files.exists(socket), socket.toString());
            run.signalGroup(signal);
            RealProcess.Result ended = run.finish();
            assertEquals(signal.equals("INT") ? 130 : 143, ended.code(), ended.terminal());
            assertFalse(Files.exists(socket), socket + " is left");
            assertFalse(Files.exists(socket.getParent()), socket.getParent() + " is left");
        } finally {
            run.kill();
        }
    }

    @Test
    void socketThroughputSaysWhatItDoesAndGetsEveryReplyRight() {
        RealProcess.Result run = RealProcess.of(SocketThroughput.class).timeout(SLOW)
                .args("--clients", "2", "--messages", "100").run();
        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        assertTrue(lines.get(0).startsWith("SocketThroughput: 2 clients x 100 messages, a connection each, over tcp, unix"),
                run.terminal());
        assertTrue(lines.get(1).matches("tcp \\(selector\\): \\d+ msg/s \\(200 in [0-9.]+ s, bad=0\\), cpu \\d+ us/msg \\(\\d+% user\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("unix \\(selector\\): \\d+ msg/s \\(200 in [0-9.]+ s, bad=0\\), cpu \\d+ us/msg \\(\\d+% user\\)"), lines.get(2));
        assertTrue(lines.get(3).matches(Runtime.version().feature() >= 21
                ? "virtual \\(virtual threads\\): \\d+ msg/s \\(200 in [0-9.]+ s, bad=0\\), cpu \\d+ us/msg \\(\\d+% user\\)"
                : "virtual: skipped, virtual threads need JDK 21 \\(this is JDK \\d+\\)"), lines.get(3));
    }
}
