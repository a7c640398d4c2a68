package org.parallelsystemtools.sockets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** What the socket tests share: free ports, waiting for a listener, nothing left behind. */
public final class SocketChecks {

    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SocketChecks() {
    }

    /**
     * A port nobody uses now. A listener that never had a connection leaves no TIME_WAIT, so the
     * program under test can bind it at once, whether or not it sets SO_REUSEADDR.
     */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until something listens on the port: connects, and closes at once. The server under
     * test sees one client that sent nothing, which the book's servers answer and forget.
     */
    public static void awaitListening(int port, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20)).ignoreExceptions().until(() -> {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(LOOPBACK, port), 1_000);
                return true;
            }
        });
    }

    /** Nobody listens on the port any more (connect is refused) and it can be bound again. */
    public static void assertPortFree(int port) throws IOException {
        // Two things can answer a probe for a moment after the server has closed its listener,
        // and neither is the server: a process this JVM is starting holds a copy of every
        // descriptor until it closes them before its exec (ProcessBuilder's helper does so), and
        // a loopback probe can be given the very port it dials as its own and connect to itself.
        // So the port must be refused within a few seconds, not at the first probe.
        int[] from = {0};
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(LOOPBACK, port), 2_000);
                    from[0] = s.getLocalPort();
                    return false;
                } catch (ConnectException refused) {
                    return true;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("something still listens on port " + port + " (probe from port " + from[0]
                    + "): " + listeners(port));
        }
        try (ServerSocket again = new ServerSocket(port, 50, LOOPBACK)) {
            assertTrue(again.isBound());
        }
    }

    /** What ss(8) says listens on the port, for the failure message. */
    private static String listeners(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-tanpH", "( sport = :" + port + " or dport = :" + port + " )").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            ss.waitFor();
            return out.isEmpty() ? "ss shows no listener" : out;
        } catch (IOException | InterruptedException e) {
            return "(ss: " + e.getMessage() + ")";
        }
    }

    public static void awaitNoThreadsNamed(String prefix) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.isAlive() && t.getName().startsWith(prefix)));
    }

    /** A PrintStream the test can read back. */
    public static final class Capture {
        public final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        public final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        public String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        public List<String> lines() {
            return text().lines().collect(Collectors.toList());
        }
    }
}
