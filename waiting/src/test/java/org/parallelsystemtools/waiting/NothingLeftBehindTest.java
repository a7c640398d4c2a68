package org.parallelsystemtools.waiting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Stopping a parent however a reader might (Ctrl-C to its process group, SIGTERM, SIGKILL) leaves
 * none of its children running: each child watches its parent and ends with it.
 */
@Execution(ExecutionMode.CONCURRENT)
class NothingLeftBehindTest {

    /** Children that would sleep 10-50 s: every run below ends by a signal long before that. */
    private static final double SLOW = 10;
    private static final Pattern PARENT_LINE = Pattern.compile("\tpid: (\\d+), forkPID1: (\\d+), forkPID2: (\\d+)\n");

    @Test
    void sigtermToTheParentLeavesNoChild() {
        RealProcess.Running running = program(WaitForAny.class).pace(SLOW).start();
        awaitBothChildren(running::terminal);
        running.signal("TERM");
        assertEquals(143, running.finish().code());   // finish() fails if a child is left
    }

    @Test
    void sigkillToTheParentLeavesNoChild() {
        RealProcess.Running running = program(WaitForOne.class).pace(SLOW).start();
        awaitBothChildren(running::terminal);
        running.signal("KILL");
        assertEquals(137, running.finish().code());
    }

    /**
     * Ctrl-C sends SIGINT to the whole foreground process group. The parent runs in a group of its
     * own (setsid), with SIGINT reset to the default: a JVM started from a background job
     * inherits SIGINT ignored, and a JVM never catches a signal it was started ignoring.
     */
    @Test
    void sigintToTheProcessGroupLeavesNothingInIt() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to give the parent its own process group");
        RealProcess.Running running = program(WaitForAny.class).pace(SLOW).asJob().start();
        try {
            awaitBothChildren(running::terminal);
            running.signalGroup("INT");
            assertEquals(130, running.finish().code());   // finish() fails if a child is left
        } finally {
            running.kill();
        }
    }

    /** Waits until the parent and both children have printed their blocks: all three are up. */
    private static void awaitBothChildren(java.util.function.Supplier<String> output) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String text = output.get();
            return PARENT_LINE.matcher(text).find() && text.contains("forkPID1: 0\n") && text.contains("forkPID2: 0\n");
        });
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program(Class<?> main) {
        return RealProcess.of(main).timeout(Duration.ofSeconds(90));
    }
}
