package org.parallelsystemtools.threading;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In-process: which thread runs {@code run()}, and what {@code join()} waits for. */
@Timeout(30)
class ThreadSubclassTest {

    @Test
    void startRunsTheBodyOnTheNewThreadButACallToRunRunsItOnTheCaller() throws Exception {
        ReentrantLock mutex = new ReentrantLock();
        String out = tapSystemOutNormalized(() -> {
            ThreadSubclass.MyThread started = new ThreadSubclass.MyThread(0, 3, mutex);
            started.start();
            started.join(10_000);
            assertSame(started, started.ranOn, "after start(), run() executes on the thread itself");

            ThreadSubclass.MyThread called = new ThreadSubclass.MyThread(1, 3, mutex);
            called.run();
            assertSame(Thread.currentThread(), called.ranOn, "run() called directly executes on the caller");
            assertNotSame(called, called.ranOn);
            assertEquals(Thread.State.NEW, called.getState(), "that thread itself never started");
        });
        assertEquals("[0] => 0\n[0] => 1\n[0] => 2\n[1] => 0\n[1] => 1\n[1] => 2\n", out);
    }

    @Test
    void mainReturnsOnlyWhenEveryThreadHasPrintedEverything() throws Exception {
        // tapSystemOut stops capturing when main returns: a line printed later would be missing.
        List<String> lines = tapSystemOutNormalized(() -> ThreadSubclass.main(new String[0])).lines().toList();
        assertEquals(1001, lines.size());
        assertEquals("Main thread exiting.", lines.get(1000));
        for (int id = 0; id < 10; id++) {
            assertTrue(lines.contains("[" + id + "] => 99"), "thread " + id + " did not finish before main");
        }
    }
}
