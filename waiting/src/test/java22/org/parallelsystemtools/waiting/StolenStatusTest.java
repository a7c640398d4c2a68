package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Why PosixCalls leaves waitpid out: a waitpid(-1) of our own can take the exit status of a child
 * that ProcessBuilder started, and that child's waitFor() then reports the wrong one. Shown in a
 * throwaway JVM ({@link StolenStatus}), never in this one, whose other tests have children too.
 */
class StolenStatusTest {

    private static final Pattern ROUND = Pattern.compile(
            "round \\d+: waitpid\\(-1\\) -> (-?\\d+) raw (-?\\d+); waitFor\\(\\) of (\\d+) -> (-?\\d+)");

    @Test
    void aStolenExitStatusMakesWaitForReportTheWrongOne() {
        RealProcess.Result run = program(StolenStatus.class)
                .jvm("--enable-native-access=ALL-UNNAMED").args("200", "3").run();
        assertEquals(0, run.code(), run.terminal());
        int stolen = 0;
        for (String line : run.outLines()) {
            Matcher m = ROUND.matcher(line);
            assertTrue(m.matches(), line);
            int reaped = Integer.parseInt(m.group(1));
            int code = Integer.parseInt(m.group(4));
            if (reaped == Integer.parseInt(m.group(3))) {
                stolen++;
                assertEquals(7 << 8, Integer.parseInt(m.group(2)), "our waitpid got the 7: " + line);
                assertEquals(0, code, "and waitFor() says 0 instead: " + line);
            } else {
                assertEquals(-1, reaped, "nothing else to take (ECHILD): " + line);
                assertEquals(7, code, "the JDK got there first and reports the child's own status: " + line);
            }
        }
        assertTrue(stolen > 0, "waitpid(-1) never won the race in " + run.outLines().size() + " rounds");
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program(Class<?> main) {
        return RealProcess.of(main).timeout(Duration.ofSeconds(90));
    }
}
