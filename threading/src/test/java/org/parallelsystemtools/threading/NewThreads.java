package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.Set;

/**
 * The threads a book program started in this JVM: alive now, not alive at {@link #since}, and named
 * as an unnamed {@code new Thread(...)} is ({@code Thread-N}), which leaves out the JDK's own helpers.
 */
final class NewThreads {
    private final Set<Thread> before;

    private NewThreads(Set<Thread> before) {
        this.before = before;
    }

    static NewThreads since() {
        return new NewThreads(new HashSet<>(Thread.getAllStackTraces().keySet()));
    }

    Set<Thread> alive() {
        Set<Thread> now = new HashSet<>(Thread.getAllStackTraces().keySet());
        now.removeAll(before);
        now.removeIf(thread -> !thread.getName().startsWith("Thread-"));
        return now;
    }

    /** Waits for every new thread to end; fails if one does not within 10 s. */
    void join() throws InterruptedException {
        for (Thread thread : alive()) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread + " did not end");
        }
    }
}
