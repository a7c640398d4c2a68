package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExitStatusTest {

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void statusesOfNormalExitsAndSignalsThenNoChildLeft() {
        Output out = new Output();
        Output err = new Output();

        assertEquals(0, ExitStatus.run(new String[0], out.stream, err.stream), err.lines()::toString);

        long exitsZero = pidOf(out.single("Child (\\d+) exiting with status 0"));
        long exitsThree = pidOf(out.single("Child (\\d+) exiting with status 3"));
        long termed = pidOf(out.single("Parent: sent SIGTERM to (\\d+)"));
        long killed = pidOf(out.single("Parent: sent SIGKILL to (\\d+)"));
        assertEquals(2, out.matching("Child (" + termed + "|" + killed + ") waiting for a signal").size());

        assertStatus(out, exitsZero, 0, "exited normally");
        assertStatus(out, exitsThree, 3, "exited with an error");
        assertStatus(out, termed, 143, "128 \\+ 15: ended by SIGTERM");
        assertStatus(out, killed, 137, "128 \\+ 9: ended by SIGKILL");
        // SIGTERM lets the JVM run its shutdown hooks; SIGKILL gives it no chance.
        out.single("Child " + termed + ": shutdown hook runs.*");
        assertTrue(out.matching("Child " + killed + ": shutdown hook runs.*").isEmpty());

        List<String> lines = out.lines();
        assertEquals("Parent: wait -> No more child processes (ECHILD: none left to wait for)",
                lines.get(lines.size() - 1));
    }

    private static void assertStatus(Output out, long pid, int status, String meaning) {
        out.single("Parent: Child " + pid + " exit status " + status + ": " + meaning);
    }

    private static long pidOf(Matcher line) {
        return Long.parseLong(line.group(1));
    }

    @Test
    void describeFollowsTheShellConvention() {
        assertEquals("exited normally", ExitStatus.describe(0));
        assertEquals("exited with an error", ExitStatus.describe(1));
        assertEquals("exited with an error", ExitStatus.describe(128));
        assertEquals("128 + 1: ended by SIGHUP", ExitStatus.describe(129));
        assertEquals("128 + 10: ended by signal 10", ExitStatus.describe(138));
        assertEquals("exited with an error", ExitStatus.describe(255));
    }

    @Test
    void argumentsAreRefused() {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, ExitStatus.run(new String[] {"--now"}, out.stream, err.stream));
        assertEquals(List.of("ExitStatus: takes no arguments, got: --now"), err.lines());
    }
}
