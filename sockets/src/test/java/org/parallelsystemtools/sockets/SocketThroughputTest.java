package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Not a timing test: small counts, checking that every reply was right and the output shape. */
class SocketThroughputTest {

    private final SocketChecks.Capture out = new SocketChecks.Capture();
    private final SocketChecks.Capture err = new SocketChecks.Capture();

    @AfterEach
    void nothingLeft() {
        SocketChecks.awaitNoThreadsNamed("echo-");
        SocketChecks.awaitNoThreadsNamed("throughput-");
    }

    @Test
    void everyReplyIsRightAndTheFigureIsTheLastLine() {
        int code = SocketThroughput.run(new String[] {"--clients", "3", "--messages", "40",
                "--round-trips", "50", "--workers", "2"}, out.stream, err.stream);

        assertEquals(0, code, err.text());
        List<String> lines = out.lines();
        assertEquals(4, lines.size(), out.text());
        assertTrue(lines.get(0).matches(
                "one connection per message: 3 clients x 40 messages = 120 in \\d+\\.\\d\\d s \\(bad=0\\)"),
                lines.get(0));
        assertTrue(lines.get(1).matches(
                "one long-lived connection: 50 round trips in \\d+\\.\\d\\d s \\(bad=0\\)"), lines.get(1));
        assertTrue(lines.get(2).matches("keep-alive: \\d+ round trips/s"), lines.get(2));
        assertTrue(lines.get(3).matches("sockets: \\d+ msg/s"), lines.get(3));
        // warm-up (2 clients x 40) + 120 counted, all answered by the one-per-message server
        assertTrue(err.text().contains(": 200 answered, 0 refused, 0 dropped"), err.text());
    }

    @Test
    void badArgumentsGiveExitCode2AndOneLine() {
        assertEquals(2, SocketThroughput.run(new String[] {"--clients", "-1"}, out.stream, err.stream));
        assertEquals(List.of("SocketThroughput: --clients wants a whole number from 1 to 200, not '-1'"
                + " (usage: SocketThroughput [--clients K] [--messages M] [--round-trips R] [--workers N])"),
                err.lines());
        assertEquals("", out.text());
    }
}
