package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program run as a reader runs it, its output matched against its {@code /* Output:}
 * block; the lessons that need a whole real run are checked on that same run.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    private static final Pattern TASK = Pattern.compile("Task (\\d+) (starting|done in \\d+\\.\\d\\ds)(?:, pid=(\\d+))?");

    private static RealProcess.Result run(Class<?> program, double pace) {
        RealProcess.Result run = RealProcess.of(program).pace(pace).run();
        assertEquals(0, run.code(), run.terminal());
        assertEquals("", run.err());
        OutputBlock.assertMatches(program, run.terminal());
        return run;
    }

    /** The most tasks between their "starting" and "done" lines at any one time. */
    private static int mostAtOnce(List<String> lines) {
        int running = 0;
        int most = 0;
        for (String line : lines) {
            Matcher m = TASK.matcher(line);
            if (m.matches()) {
                running += m.group(2).equals("starting") ? 1 : -1;
                most = Math.max(most, running);
            }
        }
        return most;
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }

    @Test
    void poolAsyncQueuesAllTenAtOnceAndRunsAtMostThree() {
        RealProcess.Running running = RealProcess.of(PoolAsync.class).pace(0.2).start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(PoolAsync.class, run.terminal());
        List<String> lines = run.outLines();
        for (int id = 0; id < 10; id++) {
            // every worker is a thread of the program's own process
            assertEquals(1, count(lines, "Task " + id + " starting, pid=" + running.pid()), run.out());
            assertEquals(1, count(lines, "Task " + id + " done in \\d+\\.\\d\\ds"), run.out());
        }
        assertTrue(mostAtOnce(lines) <= 3, "three workers, yet more tasks at once:\n" + run.out());
        assertTrue(mostAtOnce(lines) >= 2, "the workers never ran side by side:\n" + run.out());
        // submitting does not wait: the caller is past all ten before the last one is done
        int lastDone = lines.size() - 1;
        while (!lines.get(lastDone).contains(" done in ")) {
            lastDone--;
        }
        assertTrue(lines.indexOf("=== Pool started ===") < lastDone, run.out());
        assertEquals("=== All tasks finished ===", lines.get(lines.size() - 1));
    }

    @Test
    void poolSyncRunsOneTaskAtATimeInOrder() {
        RealProcess.Running running = RealProcess.of(PoolSync.class).pace(0.05).start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(PoolSync.class, run.terminal());
        List<String> lines = run.outLines();
        assertEquals(20, lines.size(), run.out());
        for (int id = 0; id < 10; id++) {
            assertEquals("Task " + id + " starting, pid=" + running.pid(), lines.get(2 * id));
            assertTrue(lines.get(2 * id + 1).matches("Task " + id + " done in \\d+\\.\\d\\ds"), run.out());
        }
    }

    @Test
    void poolTerminateStopsRunningTasksAndNeverStartsQueuedOnes() {
        // A run in which every task ends before terminate() shows nothing: the sleeps are random,
        // so try again (such a run is rare: ten random sleeps in one second on three workers).
        for (int attempt = 1; ; attempt++) {
            RealProcess.Result run = run(PoolTerminate.class, 0.2);
            List<String> lines = run.outLines();
            String last = lines.get(lines.size() - 1);
            Matcher m = Pattern.compile("=== Pool terminated: (\\d+) tasks never started ===").matcher(last);
            assertTrue(m.matches(), run.out());
            long started = count(lines, "Task \\d+ starting, pid=\\d+");
            long done = count(lines, "Task \\d+ done in \\d+\\.\\d\\ds");
            assertEquals(10, started + Integer.parseInt(m.group(1)), "a task neither started nor handed back:\n" + run.out());
            if (done < started && started < 10) {
                break; // a task stopped in mid-sleep, and queued ones never ran
            }
            assertTrue(attempt < 4, "terminate() never stopped a task in " + attempt + " runs:\n" + run.out());
        }
    }

    @Test
    void poolCallbackMatchesItsBlock() {
        run(PoolCallback.class, 0.05);
    }

    @Test
    void poolSharedQueueMatchesItsBlock() {
        run(PoolSharedQueue.class, 0.05);
    }

    @Test
    void poolMapMatchesItsBlock() {
        run(PoolMap.class, 0.05);
    }
}
