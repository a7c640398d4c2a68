package org.parallelsystemtools.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Every book program as a real process, matched against its {@code /* Output:} block. */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    @Test
    void mutexCounter() {
        RealProcess.Result run = RealProcess.of(MutexCounter.class).timeout(Duration.ofSeconds(60)).pace(0.1).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(MutexCounter.class, run.terminal());
    }

    @Test
    void lostUpdates() {
        RealProcess.Result run = RealProcess.of(LostUpdates.class).timeout(Duration.ofSeconds(60)).pace(0.02).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(LostUpdates.class, run.terminal());
    }

    @Test
    void synchronizedAdd() {
        RealProcess.Result run = RealProcess.of(SynchronizedAdd.class).timeout(Duration.ofSeconds(60)).pace(0.02).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(SynchronizedAdd.class, run.terminal());
        assertEquals("200\n", run.out());
    }
}
