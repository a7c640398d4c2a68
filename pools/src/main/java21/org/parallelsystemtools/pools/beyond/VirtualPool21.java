package org.parallelsystemtools.pools.beyond;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tutorial's {@code apply_async} ×10 on {@code Pool(3)}, with a virtual thread per task
 * (JDK 21+). Virtual threads are cheap enough to start one for every task and never reuse:
 * they are not pooled, so what keeps three tasks at a time is a {@link Semaphore}, not a pool size.
 *
 * <p>Compiled only when Maven runs on JDK 21 or newer; {@link VirtualPool}, which exists on every
 * JDK, runs it there and says on an older JDK which one it needs.
 */
public final class VirtualPool21 {

    private static final String USAGE = "VirtualPool [--tasks N] [--limit N] [--scale X]";

    /** What a task does between its two lines; the program sleeps, tests watch. */
    @FunctionalInterface
    public interface Work {
        void run(int taskId) throws InterruptedException;
    }

    private VirtualPool21() {
    }

    public static void main(String[] args) throws InterruptedException {
        Options options = new Options("VirtualPool", USAGE, args, "--tasks", "--limit", "--scale");
        int tasks = options.whole("--tasks", 10, 1, 100_000);   // a parked virtual thread is a few hundred bytes
        int limit = options.whole("--limit", 3, 1, 10_000);
        double scale = options.decimal("--scale", 1, 0, 10);    // a task sleeps random() * 2 s * scale
        System.out.printf(Locale.ROOT, "%d tasks of up to %.1f s, %d at a time, a virtual thread each: about %.0f s%n",
                tasks, 2 * scale, limit, tasks * scale / limit);
        run(tasks, limit, id -> Thread.sleep(Math.round(ThreadLocalRandom.current().nextDouble() * 2000 * scale)),
                System.out);
    }

    /** Starts every task at once on its own virtual thread; at most {@code limit} work at a time. */
    public static void run(int tasks, int limit, Work work, PrintStream out) throws InterruptedException {
        Semaphore permits = new Semaphore(limit);
        // ExecutorService is AutoCloseable since JDK 19: leaving the block is close() + join().
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < tasks; i++) {
                int taskId = i;
                pool.submit(() -> {
                    permits.acquire();      // the other virtual threads park here, holding no carrier
                    try {
                        worker(taskId, work, out);
                    } finally {
                        permits.release();
                    }
                    return null;
                });
            }
            out.println("=== Pool started ===");
        }
        out.println("=== All tasks finished ===");
    }

    private static void worker(int taskId, Work work, PrintStream out) throws InterruptedException {
        long start = System.nanoTime();
        out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid() + ", " + Thread.currentThread());
        work.run(taskId);
        out.printf(Locale.ROOT, "Task %d done in %.2fs%n", taskId, (System.nanoTime() - start) / 1e9);
    }
}
