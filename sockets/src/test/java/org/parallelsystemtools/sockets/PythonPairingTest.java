package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.sockets.beyond.EchoClient;
import org.parallelsystemtools.sockets.beyond.EchoServer;

/**
 * The book's own Python client and server (src/test/resources/socket_preview.py, imported with
 * its {@code port} set to a free one, as socket-preview-progs.py imports it) against the Java
 * programs, both ways: every pairing answered, within 100 ms.
 */
@Execution(ExecutionMode.CONCURRENT)
class PythonPairingTest {

    /** How long a run may take on a machine far busier than usual (a failure, not a wait). */
    private static final Duration SLOW = Duration.ofSeconds(120);

    private static final double LIMIT_SECONDS = 0.100;
    private static Path resources;
    private static String python = "python3";

    @BeforeAll
    static void needsPython() throws Exception {
        boolean found = false;
        try {
            // The interpreter itself: a version manager's python3 is often a shell script that
            // starts several processes on every run.
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)").start();
            found = p.waitFor(SLOW.toSeconds(), TimeUnit.SECONDS) && p.exitValue() == 0;
            String executable = new String(p.getInputStream().readAllBytes(), UTF_8).trim();
            python = found && !executable.isEmpty() ? executable : python;
        } catch (IOException e) {
            // not installed
        }
        if (!found) {
            System.err.println("PythonPairingTest skipped: python3 is not on the PATH");
        }
        Assumptions.assumeTrue(found, "skipped: python3 is not on the PATH");
        resources = Path.of(Objects.requireNonNull(PythonPairingTest.class.getResource("/socket_preview.py"))
                .toURI()).getParent();
    }

    /**
     * The book's client() three times against a server on this port; returns its lines, the
     * three replies and the quickest exchange in seconds. The quickest of three, because on a
     * machine shared with other builds one exchange can wait for a core; a server that waits
     * for something (a newline, a close) is slow every time.
     */
    private static List<String> pythonClient(int port, String name) throws Exception {
        Process p = new ProcessBuilder(python, "-c", "import time, socket_preview as s\n"
                + "s.port = " + port + "\n"
                + "best = 60\n"
                + "for i in range(3):\n"
                + "    t = time.perf_counter(); s.client('" + name + "'); best = min(best, time.perf_counter() - t)\n"
                + "print('%.4f' % best)")
                .directory(resources.toFile()).redirectErrorStream(true).start();
        try {
            assertTrue(p.waitFor(SLOW.toSeconds(), TimeUnit.SECONDS), "the Python client hangs");
            List<String> lines = new String(p.getInputStream().readAllBytes(), UTF_8).lines().toList();
            assertEquals(0, p.exitValue(), String.join("\n", lines));
            return lines;
        } finally {
            p.destroyForcibly();
        }
    }

    private static void assertAnsweredInTime(List<String> lines, String expected) {
        assertEquals(List.of(expected, expected, expected), lines.subList(0, Math.min(3, lines.size())),
                String.join("\n", lines));
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(Double.parseDouble(lines.get(3)) < LIMIT_SECONDS, "answered after " + lines.get(3) + " s");
    }

    /** The quickest of three calls, in seconds, each checked to return {@code expected}. */
    private static double quickest(Callable<String> exchange, String expected) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            assertEquals(expected, exchange.call());
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return best;
    }

    @Test
    void pythonClientAgainstTheBookServerInJava() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port).args("1").start();
        try {
            SocketChecks.awaitListening(port, SLOW);
            assertEquals("server got: [warm-up]", EchoDemo.ask("localhost", port, "warm-up"));
            // Python prints the reply's bytes as b'...'; the Java server sent plain text.
            assertAnsweredInTime(pythonClient(port, "client0"), "client got: [b'server got: [client0]']");
        } finally {
            server.kill();
            server.process().waitFor();
        }
    }

    @Test
    void pythonClientAgainstEchoServer() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(EchoServer.class).timeout(SLOW).args("--port", String.valueOf(port)).start();
        try {
            server.awaitOutput(out -> out.contains("listening"));
            assertEquals("server got: [warm-up]", EchoClient.exchange(
                    new InetSocketAddress(SocketChecks.LOOPBACK, port), "warm-up", 5_000));
            // No newline, no framing: one read is the message, and the answer comes at once.
            assertAnsweredInTime(pythonClient(port, "client0"), "client got: [b'server got: [client0]']");
        } finally {
            server.kill();
            server.process().waitFor();
        }
    }

    @Test
    void javaClientsAgainstTheBookServerInPython() throws Exception {
        int port = SocketChecks.freePort();
        Process server = new ProcessBuilder(python, "-c",
                "import socket_preview as s\ns.port = " + port + "\ns.server()")
                .directory(resources.toFile()).redirectErrorStream(true).start();
        try {
            SocketChecks.awaitListening(port, SLOW);
            EchoDemo.ask("localhost", port, "warm-up"); // loads the classes: JVM start-up, not the protocol
            // The Python server closes a connection only when its next client arrives: a client
            // that waited for the close would wait for ever. Both Java clients read once.
            double book = quickest(() -> EchoDemo.ask("localhost", port, "client0"), "server got: [b'client0']");
            assertTrue(book < LIMIT_SECONDS, "EchoDemo's client was answered after " + book + " s");
            InetSocketAddress address = new InetSocketAddress("localhost", port);
            EchoClient.exchange(address, "warm-up", 5_000);
            double echo = quickest(() -> EchoClient.exchange(address, "client1", 5_000), "server got: [b'client1']");
            assertTrue(echo < LIMIT_SECONDS, "EchoClient was answered after " + echo + " s");
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }
}
