package org.parallelsystemtools.sockets;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EchoServer and EchoClient as separate processes, as a reader runs them in two terminals. */
class SeparateProcessesTest {

    private static final String LISTENING =
            "EchoServer listening on 127\\.0\\.0\\.1:(\\d+) \\(pid (\\d+), 4 workers, timeout 5000 ms\\)";

    @AfterEach
    void noChildLeft() {
        SocketChecks.awaitNoChildProcesses();
    }

    @Test
    void aClientProcessTalksToAServerProcessWhichSigtermClosesCleanly() throws Exception {
        try (ChildJvm server = new ChildJvm(EchoServer.class, "--port", "0", "--workers", "4")) {
            Matcher listening = server.awaitLine(LISTENING);
            int port = Integer.parseInt(listening.group(1));
            assertEquals(server.process.pid(), Long.parseLong(listening.group(2)));

            try (ChildJvm client = new ChildJvm(EchoClient.class, "--port", String.valueOf(port),
                    "client0", "client1")) {
                assertEquals(0, client.awaitExit(), client.err.toString());
                assertEquals(List.of("Client got: [server got: [client0]]",
                        "Client got: [server got: [client1]]"), client.out);
                assertEquals(List.of(), client.err);
            }

            // A client still connected (silent) must not keep the server from closing on SIGTERM.
            try (Socket silent = new Socket(SocketChecks.LOOPBACK, port)) {
                silent.getOutputStream().write("no newline yet".getBytes(UTF_8));
                // SIGTERM through the ProcessHandle: Process.destroy() would also close our end
                // of the child's output pipes, and its last line would be lost.
                server.process.toHandle().destroy();
                assertEquals(143, server.awaitExit(), server.err.toString()); // 128 + 15
            }
            assertEquals(List.of(), server.err);
            assertEquals(List.of(listening.group(), "EchoServer closed 127.0.0.1:" + port
                    + ": 2 answered, 0 refused, 0 dropped"), server.out);
            assertEquals(List.of(), server.err);
            SocketChecks.assertPortFree(port);
        }
    }

    @Test
    void aServerProcessOnATakenPortExitsWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, SocketChecks.LOOPBACK);
             ChildJvm server = new ChildJvm(EchoServer.class, "--port",
                     String.valueOf(taken.getLocalPort()))) {
            assertEquals(1, server.awaitExit());
            assertEquals(List.of("EchoServer: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": Address already in use"), server.err);
            assertEquals(List.of(), server.out);
        }
    }

    @Test
    void aClientProcessWithNoServerExitsWithOneLine() throws Exception {
        int port = SocketChecks.unusedPort();
        try (ChildJvm client = new ChildJvm(EchoClient.class, "--port", String.valueOf(port))) {
            assertEquals(1, client.awaitExit());
            assertEquals(List.of("EchoClient: connection refused by localhost:" + port
                    + " (is EchoServer running?)"), client.err);
            assertTrue(client.out.isEmpty());
        }
    }
}
