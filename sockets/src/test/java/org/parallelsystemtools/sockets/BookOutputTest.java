package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Every book program as a real process, matched against its Output block, plus its lesson. */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** How long a run may take on a machine far busier than usual (a failure, not a wait). */
    private static final Duration SLOW = Duration.ofSeconds(120);

    @Test
    void echoDemoEachClientGetsItsOwnNameBackExactlyOnce() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Result run = RealProcess.of(EchoDemo.class).timeout(SLOW).jvm("-Dport=" + port).pace(0.02).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(EchoDemo.class, run.terminal());
        // The block's numbers are wildcards: here every client must have its own reply, once.
        assertEquals(List.of("client got: [server got: [client0]]", "client got: [server got: [client1]]",
                "client got: [server got: [client2]]", "client got: [server got: [client3]]",
                "client got: [server got: [client4]]"), run.outLines().stream().sorted().toList());
        // The daemon server thread did not keep the JVM alive, and nothing listens any more.
        SocketChecks.assertPortFree(port);
    }

    @Test
    void socketProgramsServerAndClientsAreSeparateProcesses() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                .pace(0.02).args("1").start();
        try {
            SocketChecks.awaitListening(port, SLOW);
            RealProcess.Running process = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                    .pace(0.02).args("2").start();
            RealProcess.Running threads = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                    .pace(0.02).args("0").start();
            RealProcess.Result one = process.finish();
            RealProcess.Result five = threads.finish();
            assertEquals(0, one.code(), one.terminal());
            assertEquals(0, five.code(), five.terminal());
            OutputBlock.assertMatches(SocketPrograms.class, one.terminal() + five.terminal());

            // The server named in the reply is the client process itself: its pid, not the server's.
            assertEquals(List.of("client got: [server got: [client:process=" + process.pid() + "]]"),
                    one.outLines());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                expected.add("client got: [server got: [client:thread=" + i + "]]");
            }
            assertEquals(expected, five.outLines().stream().sorted().toList());
            assertTrue(server.process().isAlive(), "mode 1 serves for ever");
        } finally {
            try {
                server.signal("TERM");
                RealProcess.Result ended = server.finish();
                assertEquals(143, ended.code());   // 128 + SIGTERM: the server had no other way out
                assertEquals("", ended.terminal()); // the book's server prints nothing
            } finally {
                server.kill();
            }
        }
    }

    @Test
    void socketProgramsWithoutAModeSaysHowToRunIt() {
        RealProcess.Result run = RealProcess.of(SocketPrograms.class).timeout(SLOW).pace(0.02).run();
        assertEquals(2, run.code());
        assertEquals("usage: SocketPrograms MODE (1 = server, 2 = client process, other = client threads)\n",
                run.terminal());
    }
}
