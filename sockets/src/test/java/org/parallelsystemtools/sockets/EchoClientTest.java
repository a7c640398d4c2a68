package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoClientTest {

    private final SocketChecks.Capture out = new SocketChecks.Capture();
    private final SocketChecks.Capture err = new SocketChecks.Capture();

    @AfterEach
    void nothingLeft() {
        SocketChecks.awaitNoThreadsNamed("echo-");
    }

    @Test
    void printsWhatTheServerAnsweredForEachMessage() throws IOException {
        try (EchoServer server = EchoServer.start(EchoServer.Config.defaults(0),
                new SocketChecks.Capture().stream)) {
            int code = EchoClient.run(new String[] {"--host", "127.0.0.1", "--port",
                    String.valueOf(server.port()), "client0", "two words"}, out.stream, err.stream);

            assertEquals(0, code, err.text());
            assertEquals(List.of("Client got: [server got: [client0]]",
                    "Client got: [server got: [two words]]"), out.lines());
            assertEquals(2, server.answered.get());
        }
    }

    @Test
    void anErrorReplyIsPrintedAndTheExitCodeSaysSo() throws IOException {
        try (EchoServer server = EchoServer.start(EchoServer.Config.defaults(0),
                new SocketChecks.Capture().stream)) {
            int code = EchoClient.run(new String[] {"--port", String.valueOf(server.port()),
                    "y".repeat(2000)}, out.stream, err.stream);

            assertEquals(1, code);
            assertEquals(List.of("Client got: [" + EchoProtocol.TOO_LONG + "]"), out.lines());
        }
    }

    @Test
    void aRefusedConnectionIsOneClearLine() throws IOException {
        int port = SocketChecks.unusedPort();
        int code = EchoClient.run(new String[] {"--port", String.valueOf(port)}, out.stream, err.stream);

        assertEquals(1, code);
        assertEquals(List.of("EchoClient: connection refused by localhost:" + port
                + " (is EchoServer running?)"), err.lines());
        assertEquals("", out.text());
    }

    @Test
    void anUnknownHostIsOneClearLine() {
        int code = EchoClient.run(new String[] {"--host", "nosuch.invalid", "--port", "7"},
                out.stream, err.stream);

        assertEquals(1, code);
        assertEquals(List.of("EchoClient: unknown host: nosuch.invalid"), err.lines());
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutNotAHang() throws IOException {
        try (ServerSocket mute = new ServerSocket(0, 50, SocketChecks.LOOPBACK)) {
            int code = EchoClient.run(new String[] {"--port", String.valueOf(mute.getLocalPort()),
                    "--timeout", "200"}, out.stream, err.stream);
            mute.accept().close(); // the kernel had completed the connection; nobody answered
            assertEquals(1, code);
            assertEquals(List.of("EchoClient: no reply from localhost:" + mute.getLocalPort()
                    + " within 200 ms"), err.lines());
        }
    }

    @Test
    void badArgumentsGiveExitCode2AndOneLine() {
        String usage = " (usage: EchoClient [--host NAME] [--port N] [--timeout MS] [MESSAGE ...])";
        assertEquals(2, EchoClient.run(new String[] {"--port", "70000"}, out.stream, err.stream));
        assertEquals(2, EchoClient.run(new String[] {"two\nlines"}, out.stream, err.stream));
        assertEquals(2, EchoClient.run(new String[] {"--verbose"}, out.stream, err.stream));
        assertEquals(List.of(
                "EchoClient: --port wants a whole number from 1 to 65535, not '70000'" + usage,
                "EchoClient: a message is one line: no newline inside" + usage,
                "EchoClient: unknown option --verbose" + usage), err.lines());
        assertEquals("", out.text());
    }
}
