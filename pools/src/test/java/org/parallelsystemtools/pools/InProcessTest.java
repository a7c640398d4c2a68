package org.parallelsystemtools.pools;

import static com.github.stefanbirkner.systemlambda.SystemLambda.restoreSystemProperties;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * The pool programs whose lesson is in exactly what they print, run inside this JVM with
 * {@code System.out} captured: a pool thread's pid is this test's own pid.
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class InProcessTest {

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
                run("0.02", () -> PoolMap.main(new String[0])));
    }

    @Test
    void poolSharedQueueReadsWhatTheWriterPutBeforeTheReaderStarted() throws Exception {
        assertEquals(List.of(
                "Main process: " + PID,
                "Writer started: pid=" + PID + ", parent=" + PARENT,
                "Reader started: pid=" + PID + ", parent=" + PARENT,
                "Read: P", "Read: y", "Read: t", "Read: h", "Read: o", "Read: n",
                "Done"),
                run("0.02", () -> PoolSharedQueue.main(new String[0])));
    }

    @Test
    void poolCallbackHandsTheResultToACallbackInThisProcess() throws Exception {
        assertEquals(List.of(
                "Pool process: pid=" + PID + ", parent=" + PARENT,
                "Working on 0", "Working on 1", "Working on 2",
                "Callback executing in: pid=" + PID,
                "Result: completed",
                "Main process: pid=" + PID),
                run("0.02", () -> PoolCallback.main(new String[0])));
    }
}
