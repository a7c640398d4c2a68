package org.parallelsystemtools.mutex;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a lock, updates are lost; with one, none are. Each program runs in this JVM, its
 * output captured; a lost update is up to the scheduler, so LostUpdates runs until one shows.
 */
class LostUpdatesTest {

    private static final int NONE_LOST = 200 * 100_000;

    @Test
    void withoutALockUpdatesAreLost() throws Exception {
        List<Integer> totals = new ArrayList<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            int total = Integer.parseInt(MutexCounterTest.output("0.02", () -> LostUpdates.main(new String[0])).trim());
            totals.add(total);
            assertTrue(total <= NONE_LOST, "a race loses updates, it never adds any: " + totals);
            if (total < NONE_LOST) {
                return;
            }
        }
        fail("no update was lost in " + totals.size() + " runs of 60 s: are the increments atomic now? " + totals);
    }

    @Test
    void synchronizedAddCannotAddWhileAnotherHoldsTheLock() throws Exception {
        Thread adder = new Thread(SynchronizedAdd::adder, "adder");
        synchronized (SynchronizedAdd.ADD_LOCK) {
            SynchronizedAdd.count = 0;
            adder.start();
            // It waits at the lock: no read of count can come between this thread's read and write.
            await().atMost(Duration.ofSeconds(10)).until(() -> adder.getState() == Thread.State.BLOCKED);
            assertEquals(0, SynchronizedAdd.count);
        }
        adder.join(10_000);   // its 0.5 s sleep, then the second add
        assertEquals(2, SynchronizedAdd.count);
    }

    @Test
    void synchronizedAddPrints200() throws Exception {
        String out = MutexCounterTest.output("0.02", () -> SynchronizedAdd.main(new String[0]));
        assertEquals("200\n", out);
    }
}
