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
 * programs, both ways: every pairing answered, each side reading the other's reply exactly.
 */
@Execution(ExecutionMode.CONCURRENT)
class PythonPairingTest {

    /** How long a run may take on a machine far busier than usual (a failure, not a wait). */
    private static final Duration SLOW = Duration.ofSeconds(120);

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

    /** The book's client() against a server on this port; returns what it printed. */
    private static List<String> pythonClient(int port, String name) throws Exception {
        Process p = new ProcessBuilder(python, "-c", "import socket_preview as s\n"
                + "s.port = " + port + "\n"
                + "s.client('" + name + "')")
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

    @Test
    void pythonClientAgainstTheBookServerInJava() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port).args("1").start();
        try {
            SocketChecks.awaitListening(port, SLOW);
            // Both print a reply's bytes as b'...', and the server put the request's inside.
            assertEquals(List.of("client got: [b\"server got: [b'client0']\"]"), pythonClient(port, "client0"));
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
            // No newline, no framing: one read is the message, and the answer comes at once
            // (a server that waited for more would leave the book's client hanging).
            assertEquals(List.of("client got: [b'server got: [client0]']"), pythonClient(port, "client0"));
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
            // The Python server closes a connection only when its next client arrives: a client
            // that waited for the close would wait for ever. Both Java clients read once.
            assertEquals("server got: [b'client0']", new String(EchoDemo.ask("localhost", port, "client0"), UTF_8));
            InetSocketAddress address = new InetSocketAddress("localhost", port);
            assertEquals("server got: [b'client1']", EchoClient.exchange(address, "client1", 5_000));
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }
}
