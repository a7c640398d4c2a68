package org.parallelsystemtools.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class MutexCounterTest {

    private static final Pattern LINE = Pattern.compile("\\[(\\d+)\\] => (\\d+)");

    /**
     * Every line but the last is a whole "[id] => i" line (pieces of two lines
     * never mix), each thread counts 0..count-1 in order, every thread finishes,
     * and "Main thread exiting..." comes last.
     */
    static void assertWholeOrderedLines(List<String> lines, int threads, int count) {
        assertEquals(threads * count + 1, lines.size(), "one line per count plus the main thread's line");
        assertEquals("Main thread exiting...", lines.get(lines.size() - 1));
        Map<Integer, List<Integer>> seen = new HashMap<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), () -> "a tangled or foreign line: '" + line + "'");
            seen.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new ArrayList<>())
                    .add(Integer.parseInt(m.group(2)));
        }
        assertEquals(threads, seen.size(), "every thread printed");
        for (int id = 0; id < threads; id++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expected.add(i);
            }
            assertEquals(expected, seen.get(id), "thread " + id + " counted in order to the end");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reentrant", "synchronized"})
    void theSeedsRunPrintsWholeLinesInOrder(String lock) throws Exception {
        Captured c = Captured.run(MutexCounter::run, "--delay-ms", "1", "--lock", lock);
        assertEquals(0, c.code);
        assertEquals("", c.err);
        assertWholeOrderedLines(c.outLines(), 5, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reentrant", "synchronized"})
    void manyThreadsWithoutPausesStillNeverTangle(String lock) throws Exception {
        Captured c = Captured.run(MutexCounter::run,
                "--threads", "8", "--count", "300", "--delay-ms", "0", "--lock", lock);
        assertEquals(0, c.code);
        assertWholeOrderedLines(c.outLines(), 8, 300);
    }

    @Test
    void withoutALockEveryPieceIsStillPrintedAndMainIsLast() throws Exception {
        // Whether the pieces tangle is up to the scheduler: only what is certain is asserted.
        Captured c = Captured.run(MutexCounter::run,
                "--threads", "4", "--count", "50", "--delay-ms", "0", "--lock", "none");
        assertEquals(0, c.code);
        assertTrue(c.out.endsWith("Main thread exiting..." + System.lineSeparator()));
        assertEquals(4 * 50, c.out.chars().filter(ch -> ch == '[').count());
        assertEquals(4 * 50, c.out.split(" => ", -1).length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--count abc", "--threads 0", "--lock spinlock", "--colour red", "--count"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        Captured c = Captured.run(MutexCounter::run, args.split(" "));
        assertEquals(2, c.code);
        assertEquals("", c.out);
        assertEquals(1, c.errLines().size(), c.err);
        assertTrue(c.err.startsWith("MutexCounter: "), c.err);
    }
}
