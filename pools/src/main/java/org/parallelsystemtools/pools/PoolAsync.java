package org.parallelsystemtools.pools;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tutorial's {@code pool.apply_async(worker, (i,))}, ten times on {@code Pool(3)}.
 * Handing a task to a pool does not wait for it: all ten are queued at once, and three worker
 * processes take them one after another until the queue is empty.
 */
public final class PoolAsync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        // Python has Pool built in; WorkerPool, beside Relaunch, is its stand-in: three worker JVMs.
        WorkerPool pool = new WorkerPool(PoolAsync.class, WORKERS);
        for (int i = 0; i < TASKS; i++) {
            int taskId = i;
            // The lambda travels to a worker as PoolAsync's code plus taskId, as Python pickles
            // worker and (i,). An exception it throws waits unseen in the future, as in an AsyncResult.
            pool.applyAsync(() -> worker(taskId));
        }
        System.out.println("=== Pool started ===");
        pool.close();
        pool.join();
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
/* Output: (unordered; vary 29065 29070 29062; times)
=== Pool started ===
Task 2 starting, pid=29065
Task 1 starting, pid=29070
Task 0 starting, pid=29062
Task 2 done in 0.37s
...
Task 9 done in 1.91s
=== All tasks finished ===
*/
