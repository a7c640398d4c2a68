package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** What CatchSignal does where the JVM differs from Python: a signal it cannot have. */
@Execution(ExecutionMode.CONCURRENT)
class CatchSignalTest {

    @Test
    void aSignalIgnoredSinceTheJvmStartedIsSaidSoInOneLine() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to set HUP ignored before java starts");
        // As under nohup: HUP ignored before java starts. Python would catch it; the JVM keeps it ignored.
        RealProcess.Result run = RealProcess.of(CatchSignal.class).asJob("$SIG{HUP} = 'IGNORE'")
                .timeout(BookOutputTest.PATIENCE).args("1").run();
        assertEquals(1, run.code(), run.terminal());
        assertEquals("CatchSignal: SIGHUP was ignored when this JVM started, and stays so\n", run.terminal());
    }
}
