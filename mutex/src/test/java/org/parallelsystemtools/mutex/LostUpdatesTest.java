package org.parallelsystemtools.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class LostUpdatesTest {

    private static final Pattern RESULT = Pattern.compile("(.+):\\s+expected (\\d+), actual (\\d+): (.+)");

    @ParameterizedTest
    @EnumSource(LostUpdates.Gap.class)
    void aLockNeverLosesAnUpdate(LostUpdates.Gap gap) throws Exception {
        for (int run = 0; run < 3; run++) {
            assertEquals(4 * 50_000, LostUpdates.count(LostUpdates.Way.LOCK, 4, 50_000, gap));
        }
    }

    @Test
    void anAtomicIntegerNeverLosesAnUpdate() throws Exception {
        for (int run = 0; run < 3; run++) {
            assertEquals(4 * 200_000, LostUpdates.count(LostUpdates.Way.ATOMIC, 4, 200_000, LostUpdates.Gap.SPIN));
        }
    }

    @Test
    void theProgramPrintsTheTruthAboutEachRun(TestReporter reporter) throws Exception {
        Captured c = Captured.run(LostUpdates::run, "--threads", "4", "--increments", "100000");
        assertEquals(0, c.code);
        assertEquals("", c.err);
        List<String> lines = c.outLines();
        assertEquals(4, lines.size(), c.out);
        assertEquals("4 threads each add 1 to a shared counter 100000 times (gap: spin)", lines.get(0));
        String[] labels = {"without a lock", "with a lock", "AtomicInteger"};
        for (int k = 0; k < 3; k++) {
            Matcher m = RESULT.matcher(lines.get(k + 1));
            assertTrue(m.matches(), lines.get(k + 1));
            assertEquals(labels[k], m.group(1));
            long expected = Long.parseLong(m.group(2));
            long actual = Long.parseLong(m.group(3));
            assertEquals(400_000, expected);
            if (k == 0) {
                // Unlocked: a race can only lose increments, never invent them. Whether
                // this run lost any is up to the scheduler; the line must say which.
                assertTrue(actual <= expected, "more increments than were made: " + actual);
                if (actual < expected) {
                    assertEquals((expected - actual) + " updates lost", m.group(4));
                } else {
                    assertTrue(m.group(4).startsWith("this run lost none"), m.group(4));
                    reporter.publishEntry("lost updates", "this run of the unlocked counter lost none");
                }
            } else {
                assertEquals(expected, actual, labels[k] + " must be exact");
                assertEquals("none lost", m.group(4));
            }
        }
    }

    @Test
    void theReportNamesTheLossOrItsAbsence() {
        assertEquals("without a lock: expected 10, actual 7: 3 updates lost",
                LostUpdates.report(LostUpdates.Way.NO_LOCK, 10, 7));
        assertEquals("without a lock: expected 10, actual 10: this run lost none"
                        + " (the threads did not collide; try more --increments)",
                LostUpdates.report(LostUpdates.Way.NO_LOCK, 10, 10));
        assertEquals("AtomicInteger:  expected 10, actual 10: none lost",
                LostUpdates.report(LostUpdates.Way.ATOMIC, 10, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--threads 0", "--increments many", "--gap yield", "--lock on",
        "--threads 1000 --increments 100000000"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        Captured c = Captured.run(LostUpdates::run, args.split(" "));
        assertEquals(2, c.code);
        assertEquals("", c.out);
        assertEquals(1, c.errLines().size(), c.err);
        assertTrue(c.err.startsWith("LostUpdates: "), c.err);
    }
}
