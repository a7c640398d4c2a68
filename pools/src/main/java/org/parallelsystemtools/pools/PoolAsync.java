package org.parallelsystemtools.pools;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's {@code pool.apply_async(worker, (i,))}, ten times on {@code Pool(3)}.
 * Handing a task to a pool does not wait for it: all ten are queued at once, and three workers
 * take them one after another until the queue is empty.
 */
public final class PoolAsync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws InterruptedException {
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
/* Output: (unordered)
=== Pool started ===
Task 2 starting, pid=15300
Task 1 starting, pid=15300
Task 0 starting, pid=15300
Task 0 done in 0.88s
Task 3 starting, pid=15300
...
Task 9 done in 1.48s
=== All tasks finished ===
*/
