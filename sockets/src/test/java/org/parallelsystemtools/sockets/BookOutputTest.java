package org.parallelsystemtools.sockets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
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
    /** The pace of the runs: CI runs this class at the book's pace, 1. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    @Test
    void echoDemoEachClientGetsItsOwnNameBackExactlyOnce() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Result run = RealProcess.of(EchoDemo.class).timeout(SLOW).jvm("-Dport=" + port).pace(PACE).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(EchoDemo.class, run.terminal());
        // Python 3 prints the reply's bytes as b'...', and the server put the request's inside.
        assertEquals(List.of("client got: [b\"server got: [b'client0']\"]", "client got: [b\"server got: [b'client1']\"]",
                "client got: [b\"server got: [b'client2']\"]", "client got: [b\"server got: [b'client3']\"]",
                "client got: [b\"server got: [b'client4']\"]"), run.outLines().stream().sorted().toList());
        // The daemon server thread did not keep the JVM alive, and nothing listens any more.
        SocketChecks.assertPortFree(port);
    }

    @Test
    void socketProgramsServerAndClientsAreSeparateProcesses() throws Exception {
        int port = SocketChecks.freePort();
        RealProcess.Running server = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                .pace(PACE).args("1").start();
        try {
            SocketChecks.awaitListening(port, SLOW);
            RealProcess.Running process = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                    .pace(PACE).args("2").start();
            RealProcess.Running threads = RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port)
                    .pace(PACE).args("0").start();
            RealProcess.Result one = process.finish();
            RealProcess.Result five = threads.finish();
            assertEquals(0, one.code(), one.terminal());
            assertEquals(0, five.code(), five.terminal());
            OutputBlock.assertMatches(SocketPrograms.class, one.terminal() + five.terminal());

            // The server named in the reply is the client process itself: its pid, not the server's.
            assertEquals(List.of("client got: [b\"server got: [b'client:process=" + process.pid() + "']\"]"),
                    one.outLines());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                expected.add("client got: [b\"server got: [b'client:thread=" + i + "']\"]");
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
    void socketProgramsSaysInOneLineWhatIsWrong() throws Exception {
        int free = SocketChecks.freePort();
        try (ServerSocket taken = new ServerSocket(0)) {
            String[][] cases = {{}, {"abc"}, {"0"}, {"99999999999"}, {"1"}};
            List<RealProcess.Running> runs = new ArrayList<>();
            for (String[] args : cases) {
                int port = args.length == 1 && args[0].equals("1") ? taken.getLocalPort() : free;
                runs.add(RealProcess.of(SocketPrograms.class).timeout(SLOW).jvm("-Dport=" + port).pace(PACE)
                        .args(args).start());
            }
            String usage = "SocketPrograms: MODE must be a whole number (usage: SocketPrograms MODE:"
                    + " 1 = server, 2 = client process, other = client threads)\n";
            // Modes 0 and 99999999999 (any number but 1 and 2, as in Python) are the client
            // threads: with no server, one line, not a trace from each thread.
            String noServer = "SocketPrograms: no server at localhost:" + free
                    + " (Connection refused): start one first (SocketPrograms 1)\n";
            List<String> expected = List.of(usage, usage, noServer, noServer, "SocketPrograms: cannot listen on port "
                    + taken.getLocalPort() + " (Address already in use): choose another with -Dport=N\n");
            for (int i = 0; i < cases.length; i++) {
                RealProcess.Result run = runs.get(i).finish();
                assertEquals(i < 2 ? 2 : 1, run.code(), run.terminal());
                assertEquals(expected.get(i), run.terminal());
            }
        }
    }
}
