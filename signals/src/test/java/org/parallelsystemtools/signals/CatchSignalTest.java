package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** What CatchSignal does where the JVM differs from Python: signals it cannot have. */
@Execution(ExecutionMode.CONCURRENT)
class CatchSignalTest {

    @Test
    void aSignalIgnoredSinceTheJvmStartedIsSaidSoInOneLine() throws InterruptedException {
        // As under nohup: HUP ignored before java starts. Python would catch it; the JVM keeps it ignored.
        ForegroundJob job = ForegroundJob.start(CatchSignal.class, 1, "$SIG{HUP} = 'IGNORE'", "1");
        try {
            assertEquals(1, job.finish(), job.output());
        } finally {
            job.stop();
        }
        assertEquals("CatchSignal: SIGHUP was ignored when this JVM started, and stays so\n", job.output());
    }

    @Test
    void kill9CannotBeCaughtByAnyone() {
        RealProcess.Result run = RealProcess.of(CatchSignal.class).timeout(BookOutputTest.PATIENCE).args("9").run();

        assertEquals(2, run.code(), run.terminal());
        assertEquals("CatchSignal: Signal already used by VM or OS: SIGKILL\n", run.terminal());
    }
}
