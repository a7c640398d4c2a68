package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program, run once as a real process: its output fits its {@code /* Output:} block, and
 * the same run shows the program's lesson. A program whose lesson is an order that sleeps make runs
 * at a pace that leaves over half a second between the events compared; the others at the quick
 * pace, 0.05, or all at the book's pace with {@code -Dbook.pace=1}.
 */
@Timeout(60)
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    private static final Pattern COUNT = Pattern.compile("\\[(\\d+)\\] => (\\d+)");
    private static final String TWO_TO_THE_32 = "4294967296";

    /** The quick pace; {@code -Dbook.pace=1} runs every program at the book's own pace. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    /** A program whose lesson is an order of sleeps runs no quicker than {@code quick}. */
    private static double pace(double quick) {
        return Math.max(PACE, quick);
    }

    private static RealProcess.Result run(Class<?> program, double pace, String stdin) {
        RealProcess.Result run = RealProcess.of(program).pace(pace).stdin(stdin).run();
        assertEquals(0, run.code(), run.terminal());
        assertEquals("", run.err());
        OutputBlock.assertMatches(program, run.terminal());
        return run;
    }

    /** Each thread's counts in the order printed; fails on a line that is neither a count nor {@code allowed}. */
    private static Map<Integer, List<Integer>> counts(List<String> lines, String allowed) {
        Map<Integer, List<Integer>> counts = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = COUNT.matcher(line);
            if (m.matches()) {
                counts.computeIfAbsent(Integer.valueOf(m.group(1)), k -> new ArrayList<>()).add(Integer.valueOf(m.group(2)));
            } else {
                assertEquals(allowed, line, "a line that is neither a whole count nor expected");
            }
        }
        return counts;
    }

    private static void assertEveryThreadCounted(Map<Integer, List<Integer>> counts, int threads, int count) {
        List<Integer> upTo = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            upTo.add(i);
        }
        assertEquals(threads, counts.size(), "threads that printed");
        for (int id = 0; id < threads; id++) {
            assertEquals(upTo, counts.get(id), "thread " + id + " counted in order to the end");
        }
    }

    private static int indexOf(List<String> lines, String line) {
        int at = lines.indexOf(line);
        assertTrue(at >= 0, "missing '" + line + "' in " + lines);
        return at;
    }

    @Test
    void threadSubclassJoinsAllTenBeforeMainSaysGoodbye() {
        List<String> lines = run(ThreadSubclass.class, PACE, "").outLines();
        assertEquals(1001, lines.size());
        assertEquals("Main thread exiting.", lines.get(1000), "join() waited for every thread");
        assertEveryThreadCounted(counts(lines.subList(0, 1000), null), 10, 100);
    }

    @Test
    void startNewThreadCountsOnFiveThreadsSideBySide() {
        List<String> lines = run(StartNewThread.class, pace(0.3), "").outLines();
        assertEquals(26, lines.size());
        assertEveryThreadCounted(counts(lines, "Main thread exiting."), 5, 5);
        // One after another, thread 0 would print its last line before thread 4 printed its first;
        // side by side, every thread has begun about four pauses (here 1.2 s) before any has ended.
        int firstLast = Collections.min(List.of(
                indexOf(lines, "[0] => 4"), indexOf(lines, "[1] => 4"), indexOf(lines, "[2] => 4"),
                indexOf(lines, "[3] => 4"), indexOf(lines, "[4] => 4")));
        for (int id = 0; id < 5; id++) {
            assertTrue(indexOf(lines, "[" + id + "] => 0") < firstLast, "all five count at once: " + lines);
        }
    }

    @Test
    void threadOnEnterStartsOneThreadPerLineRead() {
        List<String> lines = run(ThreadOnEnter.class, PACE, "\n\nq\n").outLines();
        assertEquals(Set.of("Hello from thread 1", "Hello from thread 2", "Hello from thread 3"), new HashSet<>(lines));
        assertEquals(3, lines.size(), "three lines read (the last one q), three threads");
    }

    @Test
    void threadOnEnterGreetsBeforeAnyKeyIsPressed() {
        RealProcess.Running running = RealProcess.of(ThreadOnEnter.class).start();
        running.awaitOutput(out -> out.contains("Hello from thread 1\n"));
        assertTrue(running.process().isAlive(), "still waiting for a line");
        running.type("\n").awaitOutput(out -> out.contains("Hello from thread 2\n"));
        running.type("q\n");
        RealProcess.Result result = running.finish();
        assertEquals(0, result.code());
        assertEquals(List.of("Hello from thread 1", "Hello from thread 2"), result.outLines());
    }

    @Test
    void threadAlternativesRunsAFunctionALambdaAndABoundMethod() {
        List<String> lines = new ArrayList<>(run(ThreadAlternatives.class, PACE, "").outLines());
        assertTrue(lines.remove("Main thread exiting."), lines.toString());
        assertEquals(List.of(TWO_TO_THE_32, TWO_TO_THE_32, TWO_TO_THE_32), lines);
    }

    @Test
    void fourThreadsEndsWithoutJoinOrSleepOnceAllEightHavePrinted() {
        // run() fails if the JVM does not end by itself: the executor's thread must not hold it.
        List<String> lines = run(FourThreads.class, PACE, "").outLines();
        assertEquals(Collections.nCopies(8, TWO_TO_THE_32), lines);
    }

    @Test
    void waitWithLocksMainSpeaksOnlyWhenEveryExitLockIsHeld() {
        List<String> lines = run(WaitWithLocks.class, PACE, "").outLines();
        assertEquals(1001, lines.size());
        assertEquals("Main thread exiting.", lines.get(1000));
        assertEveryThreadCounted(counts(lines.subList(0, 1000), null), 10, 100);
    }

    @Test
    void waitWithFlagsMainSpeaksOnlyWhenEveryFlagIsSet() {
        List<String> lines = run(WaitWithFlags.class, PACE, "").outLines();
        assertEquals(1001, lines.size());
        assertEquals("Main thread exiting.", lines.get(1000));
        assertEveryThreadCounted(counts(lines.subList(0, 1000), null), 10, 100);
    }

    @Test
    void waitPollingSeesTheFastThreadsFinishFirst() {
        List<String> lines = run(WaitPolling.class, pace(0.5), "").outLines();
        assertEquals(26, lines.size());
        assertEquals("Main thread exiting.", lines.get(25));
        assertEveryThreadCounted(counts(lines.subList(0, 25), null), 5, 5);
        // Threads 2, 3 and 4 are done by 1.67 s, thread 0 prints its third line at 3 s: 0.67 s apart here.
        int slowThird = indexOf(lines, "[0] => 2");
        for (int id = 2; id < 5; id++) {
            assertTrue(indexOf(lines, "[" + id + "] => 4") < slowThird, "thread " + id + " first: " + lines);
        }
    }

    @Test
    void daemonThreadsTheJvmOutlivesMainUntilTheLastCount() {
        List<String> lines = run(DaemonThreads.class, pace(0.5), "").outLines();
        assertEquals("Main thread exiting.", lines.get(0));
        assertEquals(26, lines.size(), "every count printed after main had finished");
        assertEveryThreadCounted(counts(lines.subList(1, 26), null), 5, 5);
    }

    @Test
    void threadingExitEndsOnlyTheThreadAndMainGoesOn() {
        // run() checks the block (Main exit, no "not reached"), nothing on stderr, and exit status 0.
        run(ThreadingExit.class, PACE, "");
    }

    @Test
    void threadExitEndsOnlyTheThreadThatExits() {
        RealProcess.Result run = run(ThreadExit.class, PACE, "\n\nq\n");
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), lines.toString());
        Pattern hello = Pattern.compile("Hello from child (\\d+) (\\d+)");
        List<Integer> seen = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        for (String line : lines) {
            Matcher m = hello.matcher(line);
            assertTrue(m.matches(), line);
            ids.add(m.group(1));
            seen.add(Integer.valueOf(m.group(2)));
        }
        Collections.sort(seen);
        assertEquals(List.of(1, 2, 3), seen, "one counter, shared by all threads");
        assertEquals(3, ids.size(), "three threads");
    }
}
