package org.parallelsystemtools.mutex;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many threads add one to the same counter. Without a lock, increments are
 * lost and the total falls short; with a lock, and with an AtomicInteger, it
 * is exact. The three runs are printed with the expected and the actual total.
 *
 * <pre>
 * --threads N      how many incrementing threads (4)
 * --increments N   how many times each thread adds one (1000000)
 * --gap KIND       what happens between reading the counter and writing it back:
 *                  spin (Thread.onSpinWait(), the default) or none (a bare ++,
 *                  whose gap is only a few nanoseconds)
 * </pre>
 */
public final class LostUpdates {

    /** The three ways of counting. */
    enum Way {
        NO_LOCK("without a lock"),
        LOCK("with a lock"),
        ATOMIC("AtomicInteger");

        final String label;

        Way(String label) {
            this.label = label;
        }
    }

    private LostUpdates() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int threads;
        int increments;
        Gap gap;
        try {
            Options options = Options.parse(args, "--threads", "--increments", "--gap");
            threads = options.number("--threads", 4, 1, 1000);
            increments = options.number("--increments", 1_000_000, 0, 100_000_000);
            gap = Gap.valueOf(options.choice("--gap", "spin", "spin", "none").toUpperCase(Locale.ROOT));
        } catch (Options.UsageException e) {
            err.println("LostUpdates: " + e.getMessage());
            return Options.USAGE_ERROR;
        }
        if ((long) threads * increments > Integer.MAX_VALUE) {
            err.println("LostUpdates: --threads times --increments must stay below " + Integer.MAX_VALUE);
            return Options.USAGE_ERROR;
        }
        int expected = threads * increments;
        out.printf("%d threads each add 1 to a shared counter %d times (gap: %s)%n",
                threads, increments, gap.name().toLowerCase(Locale.ROOT));
        for (Way way : Way.values()) {
            int actual = count(way, threads, increments, gap);
            out.println(report(way, expected, actual));
        }
        return 0;
    }

    /** One result line; it says honestly when the unlocked run happened to lose nothing. */
    static String report(Way way, int expected, int actual) {
        String verdict;
        if (actual == expected) {
            verdict = way == Way.NO_LOCK
                    ? "this run lost none (the threads did not collide; try more --increments)"
                    : "none lost";
        } else {
            verdict = (expected - actual) + " updates lost";
        }
        return String.format("%-15s expected %d, actual %d: %s", way.label + ":", expected, actual, verdict);
    }

    /** Runs the threads, all released at once so that they really overlap, and returns the final count. */
    static int count(Way way, int threads, int increments, Gap gap) throws InterruptedException {
        Shared shared = new Shared();
        Runnable body;
        switch (way) {
            case NO_LOCK:
                body = () -> {
                    for (int i = 0; i < increments; i++) {
                        shared.increment(gap);
                    }
                };
                break;
            case LOCK:
                body = () -> {
                    for (int i = 0; i < increments; i++) {
                        synchronized (shared) { // the very same read-gap-write, now one thread at a time
                            shared.increment(gap);
                        }
                    }
                };
                break;
            default:
                body = () -> {
                    for (int i = 0; i < increments; i++) {
                        shared.atomic.incrementAndGet();
                    }
                };
        }
        CountDownLatch startingGun = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    startingGun.await();
                } catch (InterruptedException e) {
                    return;
                }
                body.run();
            }, way + "-" + t);
            worker.start();
            workers.add(worker);
        }
        startingGun.countDown();
        for (Thread worker : workers) {
            worker.join(); // join also makes every worker's writes visible here
        }
        return way == Way.ATOMIC ? shared.atomic.get() : shared.plain;
    }

    /** The counter all threads share. */
    private static final class Shared {
        /*
         * volatile makes every read and every write of the field really happen,
         * in order, and be seen by the other threads (without it the JIT may keep
         * the counter in a register for a whole loop). It does NOT make ++ atomic:
         * plain++ is still "read, add one, write", and another thread can write
         * between this thread's read and its write. That write is then lost.
         */
        volatile int plain;
        final AtomicInteger atomic = new AtomicInteger();

        /** plain++ written out as the three steps it always is, with the gap made visible. */
        void increment(Gap gap) {
            if (gap == Gap.NONE) {
                plain++;
                return;
            }
            int seen = plain;
            // A CPU pause hint of some nanoseconds: it widens the gap, so that on two
            // cores the threads collide in most runs, not only in some.
            Thread.onSpinWait();
            plain = seen + 1;
        }
    }

    /** What sits between the read and the write of an unlocked increment. */
    enum Gap {
        SPIN, NONE
    }
}
