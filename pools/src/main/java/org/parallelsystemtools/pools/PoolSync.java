package org.parallelsystemtools.pools;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's {@code pool.apply(worker, (i,))}, ten times on {@code Pool(3)}.
 * A blocking call waits for each task before handing over the next, so the three workers take
 * turns and the tasks run one at a time, in order.
 */
public final class PoolSync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        // Three threads of this process, not three processes: every worker prints the same pid.
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            for (int i = 0; i < TASKS; i++) {
                int taskId = i;
                // ExecutorService has no blocking apply: submit, then wait on the Future at once.
                // get() also rethrows what the task threw, as apply() does.
                pool.submit(() -> worker(taskId)).get();
            }
            pool.shutdown();                                 // close()
            pool.awaitTermination(1, TimeUnit.HOURS);        // join()
        } finally {
            pool.shutdownNow(); // a pool's threads are not daemons: they would keep the JVM alive
        }
    }

    static void worker(int taskId) {
        long start = System.nanoTime();
        System.out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid());
        Pace.sleep(ThreadLocalRandom.current().nextDouble() * 2);
        System.out.println("Task " + taskId + " done in "
                + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + "s");
    }
}
/* Output:
Task 0 starting, pid=15299
Task 0 done in 2.04s
Task 1 starting, pid=15299
Task 1 done in 0.80s
Task 2 starting, pid=15299
Task 2 done in 0.78s
Task 3 starting, pid=15299
Task 3 done in 0.45s
Task 4 starting, pid=15299
Task 4 done in 0.84s
Task 5 starting, pid=15299
Task 5 done in 1.78s
Task 6 starting, pid=15299
Task 6 done in 0.92s
Task 7 starting, pid=15299
Task 7 done in 0.75s
Task 8 starting, pid=15299
Task 8 done in 1.47s
Task 9 starting, pid=15299
Task 9 done in 0.86s
*/
