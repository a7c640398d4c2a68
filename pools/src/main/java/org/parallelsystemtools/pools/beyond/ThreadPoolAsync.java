package org.parallelsystemtools.pools.beyond;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.parallelsystemtools.pools.Pace;

/**
 * Beyond the book: PoolAsync's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every task
 * prints this process's pid. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>The tutorial's {@code pool.apply_async(worker, (i,))}, ten times on {@code Pool(3)}.
 * Handing a task to a pool does not wait for it: all ten are queued at once, and three workers
 * take them one after another until the queue is empty.
 */
public final class ThreadPoolAsync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws InterruptedException {
        new Options("ThreadPoolAsync", "ThreadPoolAsync (no arguments)", args).positional(0);
        // Python's Pool(3) starts three worker processes; Java's pool is three threads of this
        // process, so every worker prints the same pid.
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int i = 0; i < TASKS; i++) {
                int taskId = i;
                // apply_async returns an AsyncResult at once; submit returns a Future at once.
                // An exception the task throws waits in that Future, unseen, until get() is called.
                pool.submit(() -> worker(taskId));
            }
            System.out.println("=== Pool started ===");
            pool.shutdown();                                 // close(): no new tasks
            pool.awaitTermination(1, TimeUnit.HOURS);        // join(): wait for the queued ones
        } finally {
            // A pool's threads are not daemons: a pool never shut down keeps the JVM, and
            // mvn exec:java, running after main returns.
            pool.shutdownNow();
        }
        System.out.println("=== All tasks finished ===");
    }

    static void worker(int taskId) {
        long start = System.nanoTime();
        System.out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid());
        Pace.sleep(ThreadLocalRandom.current().nextDouble() * 2);
        // Locale.ROOT: Python's f"{end - start:.2f}" prints a point in every locale.
        System.out.println("Task " + taskId + " done in "
                + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + "s");
    }
}
