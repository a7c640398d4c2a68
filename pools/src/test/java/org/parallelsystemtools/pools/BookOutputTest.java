package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program run as a reader runs it, its output matched against its {@code /* Output:}
 * block; the lessons that need a whole real run are checked on that same run. The blocks check
 * which pid printed what (three worker pids, the parent's pid); these tests add what a block
 * cannot say: that no worker is the main process, and how many tasks ran at once.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** The quick default; CI runs this class at the book's own pace, -Dbook.pace=1. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));
    /** At 0.05 a whole task can be quicker than a worker's reply: the tests of overlap need 0.2. */
    private static final double OVERLAP_PACE = Math.max(PACE, 0.2);
    /**
     * PoolTerminate runs at the book's pace: its one second must hold a whole task, and a loaded
     * machine delays the first tasks' start by hundreds of milliseconds.
     */
    private static final double TERMINATE_PACE = Math.max(PACE, 1);

    private static final Pattern TASK = Pattern.compile("Task (\\d+) (starting|done in \\d+\\.\\d\\ds)(?:, pid=(\\d+))?");

    private static RealProcess.Result matches(Class<?> program, RealProcess.Running running) {
        RealProcess.Result run = running.finish();
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

    /** The pids that printed "Task N starting", in order of first appearance. */
    private static Set<Long> workerPids(List<String> lines) {
        Set<Long> pids = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = TASK.matcher(line);
            if (m.matches() && m.group(3) != null) {
                pids.add(Long.parseLong(m.group(3)));
            }
        }
        return pids;
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }

    @Test
    void aWorkerTypedByHandSaysWhereItsTasksComeFrom() {
        // A worker is the program relaunched with "child"; typed by hand it gets no pool's stream.
        RealProcess.Result run = RealProcess.of(PoolAsync.class).args("child").stdin("1 2 3\n").run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("PoolAsync: its workers take their tasks from the pool that started them (usage: PoolAsync)\n",
                run.terminal());
    }

    @Test
    void poolAsyncRunsTenTasksOnThreeWorkerProcessesAtMostThreeAtOnce() {
        RealProcess.Running running = RealProcess.of(PoolAsync.class).pace(OVERLAP_PACE).start();
        RealProcess.Result run = matches(PoolAsync.class, running);
        List<String> lines = run.outLines();
        for (int id = 0; id < 10; id++) {
            assertEquals(1, count(lines, "Task " + id + " starting, pid=\\d+"), run.out());
            assertEquals(1, count(lines, "Task " + id + " done in \\d+\\.\\d\\ds"), run.out());
        }
        Set<Long> workers = workerPids(lines);
        assertEquals(3, workers.size(), "ten tasks, three worker processes, each reused:\n" + run.out());
        assertFalse(workers.contains(running.pid()), "a worker is a process of its own:\n" + run.out());
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
    void poolSyncRunsOneTaskAtATimeInOrderWhileTheWorkersTakeTurns() {
        RealProcess.Running running = RealProcess.of(PoolSync.class).pace(PACE).start();
        RealProcess.Result run = matches(PoolSync.class, running); // the block: pids A B C A B C ...
        List<String> lines = run.outLines();
        assertEquals(20, lines.size(), run.out());
        for (int id = 0; id < 10; id++) {
            assertTrue(lines.get(2 * id).startsWith("Task " + id + " starting, pid="), run.out());
            assertTrue(lines.get(2 * id + 1).matches("Task " + id + " done in \\d+\\.\\d\\ds"), run.out());
        }
        assertFalse(workerPids(lines).contains(running.pid()), "a worker is a process of its own:\n" + run.out());
    }

    @Test
    void poolTerminateKillsTheWorkersMidTaskAndNeverStartsQueuedOnes() {
        // A run in which no task ends within the second, or every task does, shows less than the
        // block: the sleeps are random, so try again (each is rare).
        for (int attempt = 1; ; attempt++) {
            RealProcess.Running running = RealProcess.of(PoolTerminate.class).pace(TERMINATE_PACE).start();
            RealProcess.Result run = running.finish();
            assertEquals(0, run.code(), run.terminal());
            List<String> lines = run.outLines();
            assertEquals("=== Pool terminated ===", lines.get(lines.size() - 1), run.out());
            long started = count(lines, "Task \\d+ starting, pid=\\d+");
            long done = count(lines, "Task \\d+ done in \\d+\\.\\d\\ds");
            assertFalse(workerPids(lines).contains(running.pid()), run.out());
            if (0 < done && done < started && started < 10) {
                // a task stopped in mid-sleep, and queued ones never ran; no worker is left (finish)
                OutputBlock.assertMatches(PoolTerminate.class, run.terminal());
                assertEquals(3, workerPids(lines).size(), run.out());
                break;
            }
            assertTrue(attempt < 6, "terminate() never stopped a task in " + attempt + " runs:\n" + run.out());
        }
    }

    @Test
    void poolCallbackRunsTheTaskInAWorkerAndTheCallbackInTheMainProcess() {
        RealProcess.Running running = RealProcess.of(PoolCallback.class).pace(PACE).start();
        RealProcess.Result run = matches(PoolCallback.class, running); // the block: parent = main
        assertEquals("Main process: pid=" + running.pid(), run.outLines().get(6));
    }

    @Test
    void poolSharedQueueGivesTheReaderInOneWorkerWhatTheWriterInAnotherPut() {
        RealProcess.Running running = RealProcess.of(PoolSharedQueue.class).pace(PACE).start();
        RealProcess.Result run = matches(PoolSharedQueue.class, running); // the block: P y t h o n
        assertEquals("Main process: " + running.pid(), run.outLines().get(0));
    }

    @Test
    void poolMapGivesTheResultsInTheListsOrder() {
        matches(PoolMap.class, RealProcess.of(PoolMap.class).pace(PACE).start());
    }
}
