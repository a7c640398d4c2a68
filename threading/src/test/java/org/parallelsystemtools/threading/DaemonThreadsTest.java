package org.parallelsystemtools.threading;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** In-process: main returns at once, and five non-daemon threads go on counting. */
@Timeout(30)
class DaemonThreadsTest {

    @Test
    void mainReturnsWhileFiveNonDaemonThreadsCountOn() throws Exception {
        String out;
        System.setProperty(Pace.PROPERTY, "0.3");
        try {
            out = tapSystemOutNormalized(() -> {
                // A thread starts out daemon or not as the thread that creates it is, and JUnit's
                // workers are daemon threads: main runs here on a non-daemon thread, as in a JVM.
                Thread main = new Thread(() -> DaemonThreads.main(new String[0]), "main");
                main.setDaemon(false);
                NewThreads threads = NewThreads.since();
                main.start();
                main.join(10_000);
                assertFalse(main.isAlive(), "main returned");
                Set<Thread> counting = threads.alive();
                // Each sleeps 5 x 0.3 s: none can have ended when main has returned.
                assertEquals(5, counting.size(), "five threads outlive main");
                for (Thread thread : counting) {
                    assertTrue(thread.isAlive());
                    assertFalse(thread.isDaemon(), "non-daemon: the JVM will wait for " + thread);
                }
                threads.join();
            });
        } finally {
            System.clearProperty(Pace.PROPERTY);
        }
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("Main thread exiting."), out);
        assertEquals(26, lines.size(), "all 25 counts, printed after main had returned");
    }
}
