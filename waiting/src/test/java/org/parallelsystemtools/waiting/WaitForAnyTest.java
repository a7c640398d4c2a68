package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitForAnyTest {

    // Sleeps differ by at least 2 units of 300 ms: far more than the few milliseconds between
    // the two children getting the common start signal, even on a loaded machine.
    private static final String SCALE = "300";

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void firstChildSleepsLessSoItIsReportedFirst() {
        assertReportOrderFollowsSleeps(seedWhere((first, second) -> first + 2 <= second));
    }

    @Test
    void secondChildSleepsLessSoItIsReportedFirst() {
        assertReportOrderFollowsSleeps(seedWhere((first, second) -> second + 2 <= first));
    }

    private static void assertReportOrderFollowsSleeps(long seed) {
        int[] sleeps = WaitForAny.sleepTimes(new Random(seed));
        Output out = new Output();
        Output err = new Output();

        int status = WaitForAny.run(new String[] {"--seed", String.valueOf(seed), "--scale", SCALE},
                out.stream, err.stream);

        assertEquals(0, status, err.lines()::toString);
        // What each child says about itself...
        long child1 = Long.parseLong(out.single("\tpid: (\\d+), forkPID1: 0").group(1));
        Matcher child2Line = out.single("\tpid: (\\d+), forkPID1: (\\d+), forkPID2: 0");
        long child2 = Long.parseLong(child2Line.group(1));
        assertEquals(child1, Long.parseLong(child2Line.group(2)), "child 2 knows child 1's pid");
        out.single("Child1 sleeping for " + sleeps[0] + " x " + SCALE + " ms\\.\\.\\.");
        out.single("Child2 sleeping for " + sleeps[1] + " x " + SCALE + " ms\\.\\.\\.");
        // ...matches what the parent says, with the parent's own real pid.
        Matcher parent = out.single("\tpid: (\\d+), forkPID1: (\\d+), forkPID2: ([1-9]\\d*)");
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(parent.group(1)));
        assertEquals(child1, Long.parseLong(parent.group(2)));
        assertEquals(child2, Long.parseLong(parent.group(3)));

        long shorter = sleeps[0] < sleeps[1] ? child1 : child2;
        long longer = shorter == child1 ? child2 : child1;
        assertEquals(shorter, Long.parseLong(
                out.single("Parent: Child (\\d+) finished first, one child left\\.").group(1)));
        assertEquals(longer, Long.parseLong(
                out.single("Parent: Child (\\d+) finished second, no children left\\.").group(1)));
        assertTrue(out.lines().get(out.lines().size() - 1).contains("finished second"));
    }

    private static long seedWhere(BiPredicate<Integer, Integer> sleeps) {
        for (long seed = 0; ; seed++) {
            int[] drawn = WaitForAny.sleepTimes(new Random(seed));
            if (sleeps.test(drawn[0], drawn[1])) {
                return seed;
            }
        }
    }

    @Test
    void badNumberIsOneLineAndStatusTwo() {
        assertUsageError("--seed", "seven");
        assertUsageError("--scale", "0");
        assertUsageError("--fork");
        assertUsageError("--seed");
    }

    static void assertUsageError(String... args) {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, WaitForAny.run(args, out.stream, err.stream));
        assertEquals(1, err.lines().size(), err.lines()::toString);
        assertTrue(err.lines().get(0).startsWith("WaitForAny: " + args[0]) || err.lines().get(0).contains(args[0]),
                err.lines()::toString);
        assertEquals(0, out.lines().size());
    }
}
