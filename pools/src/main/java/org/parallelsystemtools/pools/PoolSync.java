package org.parallelsystemtools.pools;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The tutorial's {@code pool.apply(worker, (i,))}, ten times on {@code Pool(3)}.
 * A blocking call waits for each task before handing over the next, so the tasks run one at a
 * time, in order, while the three worker processes take their turns.
 */
public final class PoolSync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        WorkerPool pool = new WorkerPool(PoolSync.class, WORKERS);   // Pool(3): three worker JVMs
        for (int i = 0; i < TASKS; i++) {
            int taskId = i;
            pool.apply(() -> worker(taskId));                // blocks until it is done
        }
        pool.close();
        pool.join();
    }

    static void worker(int taskId) {
        long start = System.nanoTime();
        System.out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid());
        Pace.sleep(ThreadLocalRandom.current().nextDouble() * 2);
        System.out.println("Task " + taskId + " done in "
                + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + "s");
    }
}
/* Output: (vary 28755 28759 28761; times)
Task 0 starting, pid=28755
Task 0 done in 2.03s
Task 1 starting, pid=28759
Task 1 done in 0.77s
Task 2 starting, pid=28761
Task 2 done in 0.09s
Task 3 starting, pid=28755
Task 3 done in 0.42s
Task 4 starting, pid=28759
Task 4 done in 1.52s
Task 5 starting, pid=28761
Task 5 done in 1.95s
Task 6 starting, pid=28755
Task 6 done in 0.08s
Task 7 starting, pid=28759
Task 7 done in 1.65s
Task 8 starting, pid=28761
Task 8 done in 1.80s
Task 9 starting, pid=28755
Task 9 done in 1.61s
*/
