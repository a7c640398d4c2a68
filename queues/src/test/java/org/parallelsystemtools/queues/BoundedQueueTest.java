package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BoundedQueueTest {
    @Test
    void printsExactlyThePythonExamplesLines() throws InterruptedException {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(0, BoundedQueue.run(new String[] {"--timeout", "0"}, out.stream, err.stream));
        assertEquals(BoundedQueue.EXPECTED_OUTPUT, out.text());
        assertEquals("", err.text());
    }

    @Test
    void theTimedPutWaitsAtLeastItsTimeoutBeforeGivingUp() throws InterruptedException {
        // A lower bound only: a loaded machine can make it slower, never faster.
        Captured out = new Captured();
        long t0 = System.nanoTime();
        assertEquals(0, BoundedQueue.run(new String[] {"--timeout", "0.3"}, out.stream, new Captured().stream));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300));
        assertEquals(BoundedQueue.EXPECTED_OUTPUT, out.text());
    }

    @Test
    void badTimeoutIsOneLineOnStderrAndExitCode2() throws InterruptedException {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(2, BoundedQueue.run(new String[] {"--timeout", "soon"}, out.stream, err.stream));
        assertEquals(List.of("BoundedQueue: not a number for --timeout: soon"), err.lines());
        assertEquals("", out.text());
    }
}
