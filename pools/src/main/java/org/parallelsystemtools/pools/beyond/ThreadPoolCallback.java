package org.parallelsystemtools.pools.beyond;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.parallelsystemtools.pools.Pace;

/**
 * Beyond the book: PoolCallback's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every task
 * prints this process's pid. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>The tutorial's {@code pool.apply_async(func=background_task, callback=callback)}.
 * The caller does not wait for the result: the pool hands it to the callback when the task is
 * done, while the caller goes on with its own work.
 */
public final class ThreadPoolCallback {

    private static final int WORKERS = 3;

    public static void main(String[] args) {
        new Options("ThreadPoolCallback", "ThreadPoolCallback (no arguments)", args).positional(0);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            // A plain Future takes no callback; a CompletableFuture does. thenAccept runs the
            // callback on the pool thread that finished the task, where Python runs it on a
            // result-handler thread of the main process: here both are in this one process.
            CompletableFuture<Void> calledBack = CompletableFuture.supplyAsync(ThreadPoolCallback::backgroundTask, pool)
                    .thenAccept(ThreadPoolCallback::callback);
            Pace.sleep(5);
            // Python trusts its 5 s to outlast the 3 s task; a loaded machine can make them not,
            // so wait for the callback as well: the lines come out in the same order every time.
            calledBack.join();
            System.out.println("Main process: pid=" + ProcessHandle.current().pid());
        } finally {
            // Python's script ends without close(); Java must shut the pool down, because its
            // threads are not daemons and would keep the JVM running.
            pool.shutdownNow();
        }
    }

    static String backgroundTask() {
        // A pool thread is not a child process: its pid is the main process's own, and its
        // "parent" is the process that started the JVM (a shell, or Maven).
        System.out.println("Pool process: pid=" + ProcessHandle.current().pid()
                + ", parent=" + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        for (int i = 0; i < 3; i++) {
            System.out.println("Working on " + i);
            Pace.sleep(1);
        }
        return "completed";
    }

    static void callback(String result) {
        System.out.println("Callback executing in: pid=" + ProcessHandle.current().pid());
        System.out.println("Result: " + result);
    }
}
