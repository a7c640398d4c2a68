package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/** The task every pool here runs: 004's {@code worker(task_id)}, shared by the programs. */
final class Tasks {

    private Tasks() {
    }

    /** What a task does between its two lines. The programs sleep; tests pass their own. */
    @FunctionalInterface
    interface Work {
        void run(int taskId) throws InterruptedException;
    }

    /**
     * Python's {@code worker}: announce, work, report the time taken. Where the seed prints the
     * worker's pid, a thread pool prints the worker thread's name: every thread has the same pid.
     */
    static void worker(int taskId, Work work, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        out.println("Task " + taskId + " starting, thread=" + Thread.currentThread().getName());
        work.run(taskId);
        out.println("Task " + taskId + " done in " + secondsSince(start) + "s");
    }

    /**
     * The options every program with 004's ten tasks takes: {@code --tasks N} (10),
     * {@code --pool N} (3), {@code --scale X} (1) and {@code --seed N}; the sleeps are drawn here.
     */
    record Plan(int tasks, int poolSize, long[] sleeps) {
        static Plan from(Options options) throws Options.UsageError {
            int tasks = options.count("--tasks", 10, 0);
            int poolSize = options.count("--pool", 3, 1);
            return new Plan(tasks, poolSize,
                    randomSleepMillis(tasks, options.amount("--scale", 1.0), options.seed()));
        }

        /** Each task sleeps its own drawn time. */
        Work sleep() {
            return id -> Thread.sleep(sleeps[id]);
        }
    }

    /**
     * The seed's {@code random.random() * 2} seconds for each task, times {@code scale}. Drawn up
     * front in task order, so a {@code --seed} gives each task the same sleep whichever thread runs it.
     */
    static long[] randomSleepMillis(int tasks, double scale, Long seed) {
        Random random = seed == null ? new Random() : new Random(seed);
        long[] millis = new long[tasks];
        for (int i = 0; i < tasks; i++) {
            millis[i] = Math.round(random.nextDouble() * 2000 * scale);
        }
        return millis;
    }

    /** Seconds since {@code startNanos}, as the seed's {@code f"{end - start:.2f}"}. */
    static String secondsSince(long startNanos) {
        return String.format(Locale.ROOT, "%.2f", (System.nanoTime() - startNanos) / 1e9);
    }
}
