package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sun.misc.Signal;

class CatchSignalTest {

    private static final String ASCTIME = AlarmTest.ASCTIME;

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void eachKillFromOutsideRunsTheHandler() throws Exception {
        int usr1 = new Signal("USR1").getNumber();
        try (JavaChild catcher = JavaChild.start(CatchSignal.class, "USR1", "--count", "2", "--timeout", "60")) {
            Matcher waiting = catcher.awaitLine("CatchSignal (\\d+) waiting for SIGUSR1 \\(" + usr1
                    + "\\): kill -USR1 (\\d+) \\(ends after 2 signal\\(s\\) or 60 s\\)");
            assertEquals(catcher.process.pid(), Long.parseLong(waiting.group(1)), "it prints its real pid");

            catcher.kill("USR1");
            catcher.awaitLines("Got signal " + usr1 + " at " + ASCTIME, 1);
            catcher.kill("USR1");
            catcher.awaitLines("Got signal " + usr1 + " at " + ASCTIME, 2);

            assertEquals(0, catcher.awaitExit(), catcher.lines()::toString);
            assertEquals(3, catcher.lines().size(), catcher.lines()::toString);
        }
    }

    @Test
    void aSignalGivenByNumber() throws Exception {
        // HUP is 1 everywhere. Unhandled, it would end the JVM with status 129.
        try (JavaChild catcher = JavaChild.start(CatchSignal.class, "1", "--count", "1")) {
            catcher.awaitLine("CatchSignal \\d+ waiting for SIGHUP \\(1\\): kill -HUP \\d+ .*");

            catcher.kill("HUP");

            catcher.awaitLine("Got signal 1 at " + ASCTIME);
            assertEquals(0, catcher.awaitExit(), catcher.lines()::toString);
        }
    }

    @Test
    void endsByItselfWhenNoSignalComes() throws InterruptedException {
        Output out = new Output();
        Output err = new Output();

        assertEquals(0, CatchSignal.run(new String[] {"WINCH", "--timeout", "0.2"}, out.stream, err.stream));

        assertEquals(2, out.lines().size(), out.lines()::toString);
        assertEquals("No more signals after 0.2 s: got 0 of 3", out.lines().get(1));
    }

    @ParameterizedTest
    @CsvSource({"QUIT, QUIT", "SIGQUIT, QUIT", "KILL, KILL", "9, KILL", "STOP, STOP", "sigsegv, SEGV"})
    void signalsTheJvmRefuses(String signal, String name) throws InterruptedException {
        String message = assertOneErrorLine(signal);
        assertTrue(message.matches("CatchSignal: the JVM will not let a program handle SIG" + name
                + " \\(\\d+\\): Signal already used by VM or OS: SIG" + name), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"FOO", "SIGFOO", "99", "", "-10"})
    void unknownSignals(String signal) throws InterruptedException {
        assertEquals("CatchSignal: unknown signal: '" + signal + "' (try USR1, HUP, TERM or a number)",
                assertOneErrorLine(signal));
    }

    @Test
    void noSignalOrBadOptions() throws InterruptedException {
        assertEquals("CatchSignal: which signal? usage: CatchSignal SIGNAL [--count N] [--timeout SECONDS]",
                assertOneErrorLine());
        assertEquals("CatchSignal: --count must be between 1 and 1000000, not 0", assertOneErrorLine("USR1", "--count", "0"));
        assertEquals("CatchSignal: unknown option: HUP", assertOneErrorLine("USR1", "HUP"));
    }

    private static String assertOneErrorLine(String... args) throws InterruptedException {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, CatchSignal.run(args, out.stream, err.stream));
        List<String> lines = err.lines();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(out.lines().isEmpty(), out.lines()::toString);
        return lines.get(0);
    }
}
