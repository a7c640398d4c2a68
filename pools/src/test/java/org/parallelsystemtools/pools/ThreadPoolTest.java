package org.parallelsystemtools.pools;

import static com.github.stefanbirkner.systemlambda.SystemLambda.restoreSystemProperties;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.parallelsystemtools.pools.beyond.ThreadPoolAsync;
import org.parallelsystemtools.pools.beyond.ThreadPoolCallback;
import org.parallelsystemtools.pools.beyond.ThreadPoolMap;
import org.parallelsystemtools.pools.beyond.ThreadPoolSharedQueue;
import org.parallelsystemtools.pools.beyond.ThreadPoolSync;
import org.parallelsystemtools.pools.beyond.ThreadPoolTerminate;

/**
 * The {@code ExecutorService} variants of the pool listings, run inside this JVM with
 * {@code System.out} captured: every pool thread prints this test's own pid, and the "parent" of
 * a task is whatever started this JVM, not the main program.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ThreadPoolTest {

    private static final long PID = ProcessHandle.current().pid();
    private static final long PARENT = ProcessHandle.current().parent().orElseThrow().pid();

    private static List<String> run(String pace, ThrowingMain main) throws Exception {
        String[] out = new String[1];
        restoreSystemProperties(() -> {
            System.setProperty(Pace.PROPERTY, pace);
            out[0] = tapSystemOutNormalized(main::run);
        });
        return List.of(out[0].split("\n"));
    }

    @FunctionalInterface
    private interface ThrowingMain {
        void run() throws Exception;
    }

    @Test
    void poolMapGivesTheResultsInTheListsOrder() throws Exception {
        assertEquals(List.of(
                "[4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]",
                "[4, 4]",
                "[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768]",
                "[316912650057057350374175801344, 633825300114114700748351602688]"),
                run("0.02", () -> ThreadPoolMap.main(new String[0])));
    }

    @Test
    void poolSharedQueueReadsWhatTheWriterPutBeforeTheReaderStarted() throws Exception {
        assertEquals(List.of(
                "Main process: " + PID,
                "Writer started: pid=" + PID + ", parent=" + PARENT,
                "Reader started: pid=" + PID + ", parent=" + PARENT,
                "Read: P", "Read: y", "Read: t", "Read: h", "Read: o", "Read: n",
                "Done"),
                run("0.02", () -> ThreadPoolSharedQueue.main(new String[0])));
    }

    @Test
    void poolCallbackHandsTheResultToACallbackInThisProcess() throws Exception {
        assertEquals(List.of(
                "Pool process: pid=" + PID + ", parent=" + PARENT,
                "Working on 0", "Working on 1", "Working on 2",
                "Callback executing in: pid=" + PID,
                "Result: completed",
                "Main process: pid=" + PID),
                run("0.02", () -> ThreadPoolCallback.main(new String[0])));
    }

    @Test
    void poolAsyncAndPoolSyncRunEveryTaskOnAThreadOfThisProcess() throws Exception {
        for (ThrowingMain main : List.<ThrowingMain>of(() -> ThreadPoolAsync.main(new String[0]),
                () -> ThreadPoolSync.main(new String[0]))) {
            List<String> lines = run("0.02", main);
            for (int id = 0; id < 10; id++) {
                assertTrue(lines.contains("Task " + id + " starting, pid=" + PID), String.join("\n", lines));
            }
        }
    }

    @Test
    void poolTerminateHandsBackTheTasksThatNeverStarted() throws Exception {
        List<String> lines = run("0.2", () -> ThreadPoolTerminate.main(new String[0]));
        long started = lines.stream().filter(l -> l.startsWith("Task ") && l.contains(" starting, pid=" + PID)).count();
        String last = lines.get(lines.size() - 1);
        assertEquals("=== Pool terminated: " + (10 - started) + " tasks never started ===", last, String.join("\n", lines));
    }
}
