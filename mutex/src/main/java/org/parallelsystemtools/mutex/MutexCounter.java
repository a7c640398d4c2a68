package org.parallelsystemtools.mutex;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Five threads count to five; each line goes to the shared standard output
 * under a lock, so no two threads' lines tangle. The Java form of Lutz's
 * {@code _thread} mutex example ({@code thread.allocate_lock()},
 * {@code acquire()}, {@code release()}).
 *
 * <pre>
 * --threads N    how many counting threads (5)
 * --count N      how far each counts (5)
 * --delay-ms N   pause before each line, in milliseconds (100)
 * --lock KIND    reentrant (a java.util.concurrent ReentrantLock, the default),
 *                synchronized (the object monitor every Java object has), or
 *                none (no lock at all: watch the lines tangle)
 * </pre>
 */
public final class MutexCounter {

    private MutexCounter() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int threadCount;
        int count;
        int delayMs;
        String kind;
        try {
            Options options = Options.parse(args, "--threads", "--count", "--delay-ms", "--lock");
            threadCount = options.number("--threads", 5, 1, 1000);
            count = options.number("--count", 5, 0, 1_000_000);
            delayMs = options.number("--delay-ms", 100, 0, 60_000);
            kind = options.choice("--lock", "reentrant", "reentrant", "synchronized", "none");
        } catch (Options.UsageException e) {
            err.println("MutexCounter: " + e.getMessage());
            return Options.USAGE_ERROR;
        }

        // One lock shared by every thread, like the seed's module-level mutex.
        Lock mutex = new ReentrantLock();
        Object monitor = new Object();

        List<Thread> threads = new ArrayList<>();
        for (int id = 0; id < threadCount; id++) {
            int tid = id;
            Runnable counter;
            switch (kind) {
                case "reentrant":
                    counter = () -> countWithLock(tid, count, delayMs, mutex, out);
                    break;
                case "synchronized":
                    counter = () -> countSynchronized(tid, count, delayMs, monitor, out);
                    break;
                default:
                    counter = () -> countUnlocked(tid, count, delayMs, out);
            }
            threads.add(new Thread(counter, "counter-" + id));
        }
        threads.forEach(Thread::start);
        // The seed's main thread simply stopped (Lutz's book version sleeps six
        // seconds and hopes). join() waits for exactly as long as needed.
        for (Thread thread : threads) {
            thread.join();
        }
        out.println("Main thread exiting...");
        return 0;
    }

    /** acquire/release as an explicit Lock: the unlock sits in finally, as Python's with-block does it. */
    static void countWithLock(int id, int count, long delayMs, Lock mutex, PrintStream out) {
        for (int i = 0; i < count; i++) {
            if (!pause(delayMs)) {
                return;
            }
            mutex.lock();
            try {
                printLine(out, id, i);
            } finally {
                mutex.unlock();
            }
        }
    }

    /** The same with Java's built-in monitor: the block releases it however it is left. */
    static void countSynchronized(int id, int count, long delayMs, Object monitor, PrintStream out) {
        for (int i = 0; i < count; i++) {
            if (!pause(delayMs)) {
                return;
            }
            synchronized (monitor) {
                printLine(out, id, i);
            }
        }
    }

    /** No lock: the pieces of different threads' lines may mix. */
    static void countUnlocked(int id, int count, long delayMs, PrintStream out) {
        for (int i = 0; i < count; i++) {
            if (!pause(delayMs)) {
                return;
            }
            printLine(out, id, i);
        }
    }

    /**
     * Prints {@code [id] => i} in pieces. A single println is already atomic in
     * Java (PrintStream locks itself for each call), but Python's print writes
     * the text and the line end separately, and real programs often build a
     * line from several writes: that sequence is what the mutex protects.
     */
    static void printLine(PrintStream out, int id, int i) {
        out.print("[");
        out.print(id);
        out.print("] => ");
        Thread.yield(); // invite another thread in mid-line; only a lock keeps it out
        out.print(i);
        out.println();
    }

    /** Sleeps; false when interrupted (the thread should stop counting). */
    private static boolean pause(long delayMs) {
        try {
            Thread.sleep(delayMs);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
