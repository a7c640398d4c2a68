package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * However the top process of a program ends, nothing it started is left a few seconds later:
 * Ctrl-C (SIGINT to the whole process group), {@code kill} (SIGTERM) or {@code kill -9} (SIGKILL)
 * while a child is starting or running. Watched children end with their parent; ForkCount's
 * unwatched children end by themselves after their count. ({@code finish()} fails the test if
 * any process the program started is still alive.)
 */
@Execution(ExecutionMode.CONCURRENT)
class NothingLeftTest {

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
        "ForkLoop, INT, Hello from parent",
        "ForkLoop, TERM, Hello from parent",
        "ForkLoop, KILL, Hello from parent",
        "ForkCount, INT, spawned",
        "ForkCount, TERM, spawned",
        "ForkCount, KILL, spawned",
    })
    void nothingIsLeftAfterTheSignal(String program, String signal, String started) throws Exception {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running running = RealProcess.of(Class.forName("org.parallelsystemtools.forking." + program))
                .asJob().pace(0.2).timeout(Duration.ofSeconds(120)).start();
        try {
            running.awaitOutput(out -> out.contains(started));
            if (signal.equals("INT")) {
                running.signalGroup("INT");          // Ctrl-C reaches the whole job
            } else {
                running.signal(signal);
            }
            running.finish();
        } finally {
            running.kill();
        }
    }
}
