package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EchoDemoTest {

    private final SocketChecks.Capture out = new SocketChecks.Capture();
    private final SocketChecks.Capture err = new SocketChecks.Capture();

    @AfterEach
    void nothingLeft() {
        SocketChecks.awaitNoThreadsNamed("echo-demo");
    }

    @Test
    void eachOfTheFiveClientsGetsItsOwnReplyExactlyOnce() throws IOException {
        AtomicInteger port = new AtomicInteger(-1);
        int code = EchoDemo.run(new String[] {"--port", "0"}, out.stream, err.stream, port::set);

        assertEquals(0, code, err.text());
        assertEquals("", err.text());
        // Threads finish in any order; sorted, the lines must be exactly these five.
        List<String> sorted = out.lines().stream().sorted().collect(Collectors.toList());
        assertEquals(List.of(
                "Client got: [server got: [client0]]",
                "Client got: [server got: [client1]]",
                "Client got: [server got: [client2]]",
                "Client got: [server got: [client3]]",
                "Client got: [server got: [client4]]"), sorted);
        assertTrue(port.get() > 0);
        SocketChecks.assertPortFree(port.get());
    }

    @Test
    void moreClientsStillOneReplyEach() throws IOException {
        AtomicInteger port = new AtomicInteger(-1);
        int code = EchoDemo.run(new String[] {"--port", "0", "--clients", "12"}, out.stream,
                err.stream, port::set);

        assertEquals(0, code, err.text());
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("Client got: [server got: [client" + i + "]]");
        }
        assertEquals(expected.stream().sorted().collect(Collectors.toList()),
                out.lines().stream().sorted().collect(Collectors.toList()));
        SocketChecks.assertPortFree(port.get());
    }

    @Test
    void aTakenPortFailsWithOneClearLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, SocketChecks.LOOPBACK)) {
            int port = taken.getLocalPort();
            int code = EchoDemo.run(new String[] {"--port", String.valueOf(port)}, out.stream,
                    err.stream, p -> { });

            assertEquals(1, code);
            assertEquals("", out.text());
            List<String> lines = err.lines();
            assertEquals(1, lines.size(), err.text());
            assertTrue(lines.get(0).startsWith("EchoDemo: cannot listen on 127.0.0.1:" + port + ": "),
                    lines.get(0));
            assertTrue(lines.get(0).endsWith("(try --port 0)"), lines.get(0));
        }
    }

    @Test
    void badArgumentsGiveExitCode2AndOneLine() {
        assertEquals(2, EchoDemo.run(new String[] {"--port", "http"}, out.stream, err.stream, p -> { }));
        assertEquals(2, EchoDemo.run(new String[] {"--colour"}, out.stream, err.stream, p -> { }));
        assertEquals(2, EchoDemo.run(new String[] {"--port"}, out.stream, err.stream, p -> { }));
        assertEquals(List.of(
                "EchoDemo: --port wants a whole number from 0 to 65535, not 'http'"
                        + " (usage: EchoDemo [--port N (0 = any free port)] [--clients N])",
                "EchoDemo: unknown option --colour"
                        + " (usage: EchoDemo [--port N (0 = any free port)] [--clients N])",
                "EchoDemo: --port needs a value"
                        + " (usage: EchoDemo [--port N (0 = any free port)] [--clients N])"),
                err.lines());
        assertEquals("", out.text());
    }
}
