package org.parallelsystemtools.pools.beyond;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.parallelsystemtools.pools.Pace;

/**
 * Beyond the book: PoolSync's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every task
 * prints this process's pid. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>The tutorial's {@code pool.apply(worker, (i,))}, ten times on {@code Pool(3)}.
 * A blocking call waits for each task before handing over the next, so the three workers take
 * turns and the tasks run one at a time, in order.
 */
public final class ThreadPoolSync {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        new Options("ThreadPoolSync", "ThreadPoolSync (no arguments)", args).positional(0);
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
