package org.parallelsystemtools.queues;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BoundedQueue in this JVM, its output captured: exactly the tutorial's lines, and a put that waited. */
class BoundedQueueTest {

    @AfterEach
    void normalPace() {
        System.clearProperty(Pace.PROPERTY);
    }

    @Test
    void printsExactlyTheTutorialsLinesAndTheTimedPutWaitsBeforeGivingUp() throws Exception {
        System.setProperty(Pace.PROPERTY, "0.1");   // the 2 s timeout becomes 200 ms
        long t0 = System.nanoTime();
        String out = tapSystemOutNormalized(() -> BoundedQueue.main(new String[0]));
        long waited = System.nanoTime() - t0;
        assertEquals(String.join("\n", OutputBlock.block(BoundedQueue.class)) + "\n", out);
        // A lower bound only: a loaded machine makes it slower, never faster. put_nowait would not wait.
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(200), waited + " ns");
    }

    @Test
    void fullIsWhetherAnyRoomIsLeft() throws InterruptedException {
        var q = new java.util.concurrent.ArrayBlockingQueue<String>(1);
        assertEquals("False", BoundedQueue.python(BoundedQueue.full(q)));
        q.put("x");
        assertEquals("True", BoundedQueue.python(BoundedQueue.full(q)));
    }
}
