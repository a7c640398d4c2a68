package org.parallelsystemtools.sockets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** What every test checks afterwards: nothing listening, no server thread, no child process. */
final class SocketChecks {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private SocketChecks() {
    }

    /** Nobody listens on the port any more (connect is refused) and it can be bound again. */
    static void assertPortFree(int port) throws IOException {
        assertThrows(ConnectException.class, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(LOOPBACK, port), 2_000);
            }
        }, "something still listens on port " + port);
        try (ServerSocket again = new ServerSocket(port, 50, LOOPBACK)) {
            assertTrue(again.isBound());
        }
    }

    /** A port that was free a moment ago (nothing listens there now). */
    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    static void awaitNoThreadsNamed(String prefix) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(t -> t.isAlive() && t.getName().startsWith(prefix)));
    }

    static void awaitNoChildProcesses() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    /** A PrintStream the test can read back. */
    static final class Capture {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }

        List<String> lines() {
            return text().lines().collect(Collectors.toList());
        }
    }
}
