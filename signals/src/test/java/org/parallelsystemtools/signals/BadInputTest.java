package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a reader may type wrong: one line on standard error saying what was expected, status 2,
 * never a stack trace, and never a program left waiting for a signal it will not get.
 */
@Execution(ExecutionMode.CONCURRENT)
class BadInputTest {

    private static final String CATCH_SIGNAL = "CatchSignal: expected the number of a signal it can catch, such as 10 for USR1";

    @Test
    void catchSignalWithoutASignalNumberSaysWhatItNeeds() {
        assertOneLine(RealProcess.of(CatchSignal.class), CATCH_SIGNAL + " (usage: CatchSignal SIGNUM)");
    }

    @Test
    void catchSignalWithAWordSaysItWantsANumber() {
        assertOneLine(RealProcess.of(CatchSignal.class).args("abc"),
                CATCH_SIGNAL + ", not abc (no such signal here) (usage: CatchSignal SIGNUM)");
    }

    @Test
    void kill9CannotBeCaughtByAnyone() {
        assertOneLine(RealProcess.of(CatchSignal.class).args("9"),
                CATCH_SIGNAL + ", not 9 (Signal already used by VM or OS: SIGKILL) (usage: CatchSignal SIGNUM)");
    }

    @Test
    void killChildsChildRoleTypedByHandIsRefused() {
        // Played by hand, the child would ignore Ctrl-C and print for ever.
        assertOneLine(RealProcess.of(KillChild.class).args("child"),
                "KillChild: 'child' is the role of the JVM KillChild starts itself (usage: KillChild)");
    }

    private static void assertOneLine(RealProcess program, String line) {
        RealProcess.Result run = program.timeout(BookOutputTest.PATIENCE).run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals(line + "\n", run.terminal());
        assertEquals("", run.out());
    }
}
