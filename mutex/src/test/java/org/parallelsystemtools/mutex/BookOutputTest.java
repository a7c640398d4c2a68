package org.parallelsystemtools.mutex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Every book program as a real process, matched against its {@code /* Output:} block. */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** The book's pauses scaled: CI runs this class once at 1, the book's own pace. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    @Test
    void mutexCounter() {
        RealProcess.Result run = RealProcess.of(MutexCounter.class).timeout(Duration.ofSeconds(60)).pace(PACE).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(MutexCounter.class, run.terminal());
    }

    @Test
    void lostUpdates() {
        // A lost update is up to the scheduler: a run that lost none (20000000) is run again,
        // and a run that lost none does not fit the block.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        RealProcess.Result run;
        do {
            run = RealProcess.of(LostUpdates.class).timeout(Duration.ofSeconds(60)).pace(PACE).run();
            assertEquals(0, run.code(), run.terminal());
        } while (run.out().equals("20000000\n") && System.nanoTime() < deadline);
        OutputBlock.assertMatches(LostUpdates.class, run.terminal());
    }

    @Test
    void synchronizedAdd() {
        RealProcess.Result run = RealProcess.of(SynchronizedAdd.class).timeout(Duration.ofSeconds(60)).pace(PACE).run();

        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(SynchronizedAdd.class, run.terminal());
        assertEquals("200\n", run.out());
    }
}
