package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * 004's {@code apply_async(func, callback=...)}: a task's result handed to a callback, and the
 * thread the callback runs on, three ways: {@code Future.get()}, {@code thenAccept},
 * {@code thenAcceptAsync}.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.mainClass=org.parallelsystemtools.pools.PoolCallback -Dexec.args="--scale 0.3"</pre>
 */
public final class PoolCallback {

    private PoolCallback() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        String mode;
        long stepMillis;
        try {
            Options options = new Options(args, "--mode", "--scale");
            mode = options.choice("--mode", "all", "all", "future", "thenAccept", "thenAcceptAsync");
            stepMillis = Math.round(1000 * options.amount("--scale", 1.0)); // the seed sleeps 1 s a step
        } catch (Options.UsageError e) {
            err.println("PoolCallback: " + e.getMessage());
            return 2;
        }
        Supplier<String> task = () -> backgroundTask(stepMillis, out);
        Consumer<String> callback = result -> callback(result, out);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        // Python's Pool runs callbacks on one "result handler" thread of the parent; here it is ours.
        ExecutorService resultHandler = Executors.newSingleThreadExecutor(r -> new Thread(r, "result-handler"));
        try {
            if (mode.equals("all") || mode.equals("future")) {
                out.println("--- Future.get(): the caller takes the result and calls back ---");
                viaFuture(pool, task, callback);
            }
            if (mode.equals("all") || mode.equals("thenAccept")) {
                out.println("--- thenAccept: the callback runs on the thread that completes the task ---");
                viaThenAccept(pool, task, callback).join();
            }
            if (mode.equals("all") || mode.equals("thenAcceptAsync")) {
                out.println("--- thenAcceptAsync: the callback runs on a result-handler thread ---");
                viaThenAcceptAsync(pool, resultHandler, task, callback).join();
            }
        } catch (ExecutionException | CompletionException e) {
            err.println("PoolCallback: the task failed: " + e.getCause());
            return 1;
        } finally {
            pool.shutdownNow();
            resultHandler.shutdownNow();
        }
        out.println("Main thread: name=" + Thread.currentThread().getName() + ", pid=" + ProcessHandle.current().pid());
        return 0;
    }

    /** The seed's {@code background_task}: three steps of work, then a result. */
    static String backgroundTask(long stepMillis, PrintStream out) {
        out.println("Pool thread: name=" + Thread.currentThread().getName() + ", pid=" + ProcessHandle.current().pid());
        for (int i = 0; i < 3; i++) {
            out.println("Working on " + i);
            try {
                Thread.sleep(stepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }
        return "completed";
    }

    static void callback(String result, PrintStream out) {
        out.println("Callback executing in: thread=" + Thread.currentThread().getName());
        out.println("Result: " + result);
    }

    /** No callbacks on a plain Future: the caller blocks in get(), then calls back itself. */
    static void viaFuture(ExecutorService pool, Supplier<String> task, Consumer<String> callback)
            throws InterruptedException, ExecutionException {
        callback.accept(pool.submit(task::get).get());
    }

    /**
     * The callback runs on the pool thread that completes the task, or right here on the caller
     * if the task is already complete when thenAccept is called. Either way: keep it short.
     */
    static CompletableFuture<Void> viaThenAccept(Executor pool, Supplier<String> task, Consumer<String> callback) {
        return CompletableFuture.supplyAsync(task, pool).thenAccept(callback);
    }

    /** The callback is queued to an executor of its own choosing: Python's result-handler thread. */
    static CompletableFuture<Void> viaThenAcceptAsync(Executor pool, Executor resultHandler,
                                                      Supplier<String> task, Consumer<String> callback) {
        return CompletableFuture.supplyAsync(task, pool).thenAcceptAsync(callback, resultHandler);
    }
}
