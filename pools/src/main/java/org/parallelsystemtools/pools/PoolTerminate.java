package org.parallelsystemtools.pools;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tutorial's {@code pool.terminate()} (a row of its table of Pool methods, with no listing
 * of its own), on the ten {@code apply_async} tasks of {@code Pool(3)}. Unlike {@code close()}
 * and {@code join()}, terminating does not wait: the worker processes are killed a second later,
 * their running tasks stop where they are, and the tasks still queued never start.
 */
public final class PoolTerminate {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        WorkerPool pool = new WorkerPool(PoolTerminate.class, WORKERS);   // Pool(3): three worker JVMs
        for (int i = 0; i < TASKS; i++) {
            int taskId = i;
            pool.applyAsync(() -> worker(taskId));
        }
        System.out.println("=== Pool started ===");
        Pace.sleep(1);
        pool.terminate();
        pool.join();
        System.out.println("=== Pool terminated ===");
    }

    static void worker(int taskId) {
        long start = System.nanoTime();
        System.out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid());
        Pace.sleep(ThreadLocalRandom.current().nextDouble() * 2);
        System.out.println("Task " + taskId + " done in "
                + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + "s");
    }
}
/* Output: (unordered; vary 29873 29879 29870; any 4; times)
=== Pool started ===
Task 1 starting, pid=29873
Task 2 starting, pid=29879
Task 0 starting, pid=29870
...
Task 4 done in 0.23s
=== Pool terminated ===
*/
