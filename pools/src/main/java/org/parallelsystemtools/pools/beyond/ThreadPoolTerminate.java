package org.parallelsystemtools.pools.beyond;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.parallelsystemtools.pools.Pace;

/**
 * Beyond the book: PoolTerminate's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every task
 * prints this process's pid. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>The tutorial's {@code pool.terminate()}, on the ten {@code apply_async} tasks of {@code Pool(3)}.
 * Unlike {@code close()} and {@code join()}, terminating does not wait: the tasks running a second
 * later stop where they are, and the tasks still queued never start.
 */
public final class ThreadPoolTerminate {

    private static final int WORKERS = 3;
    private static final int TASKS = 10;

    public static void main(String[] args) throws InterruptedException {
        new Options("ThreadPoolTerminate", "ThreadPoolTerminate (no arguments)", args).positional(0);
        // Three threads of this process, not three processes: every worker prints the same pid.
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        for (int i = 0; i < TASKS; i++) {
            int taskId = i;
            pool.submit(() -> worker(taskId));               // apply_async
        }
        System.out.println("=== Pool started ===");
        Pace.sleep(1);
        // terminate(): Python kills the worker processes. A thread cannot be killed, only
        // interrupted: its sleep throws, so a running task ends without its "done" line (the
        // exception waits unseen in its Future). The queued tasks come back unstarted.
        List<Runnable> neverStarted = pool.shutdownNow();
        pool.awaitTermination(1, TimeUnit.HOURS);            // join()
        System.out.println("=== Pool terminated: " + neverStarted.size() + " tasks never started ===");
    }

    static void worker(int taskId) {
        long start = System.nanoTime();
        System.out.println("Task " + taskId + " starting, pid=" + ProcessHandle.current().pid());
        Pace.sleep(ThreadLocalRandom.current().nextDouble() * 2);
        System.out.println("Task " + taskId + " done in "
                + String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9) + "s");
    }
}
