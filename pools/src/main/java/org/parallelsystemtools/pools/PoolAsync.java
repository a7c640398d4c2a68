package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * 004's {@code Pool(3)} with {@code apply_async}: ten tasks handed to a pool of three worker
 * threads without waiting for any of them, then {@code close()} and {@code join()}.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.args="--tasks 10 --pool 3 --scale 1 --seed 7"</pre>
 */
public final class PoolAsync {

    private PoolAsync() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program, minus {@code System.exit}: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Tasks.Plan plan;
        try {
            plan = Tasks.Plan.from(new Options(args, "--tasks", "--pool", "--scale", "--seed"));
        } catch (Options.UsageError e) {
            err.println("PoolAsync: " + e.getMessage());
            return 2;
        }
        runAsync(plan.poolSize(), plan.tasks(), plan.sleep(), out);
        return 0;
    }

    static void runAsync(int poolSize, int tasks, Tasks.Work work, PrintStream out) throws InterruptedException {
        // Python's Pool(3) starts three processes; a fixed thread pool starts up to three threads,
        // one per task until it has three, then queues the rest for whichever thread is free.
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        try {
            for (int i = 0; i < tasks; i++) {
                int id = i;
                // apply_async -> submit: returns a Future at once. Like apply_async's AsyncResult,
                // the Future keeps any exception the task throws until someone calls get().
                pool.submit(() -> {
                    Tasks.worker(id, work, out);
                    return null;
                });
            }
            out.println("=== Pool started ===");
            pool.shutdown(); // close(): accept no new tasks, but run every queued one
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) { // join(): wait for them all
                out.println("(still waiting for the pool)");
            }
        } finally {
            // Pool threads are not daemon threads: a pool never shut down keeps the JVM
            // (and mvn exec:java) alive after main returns. Interrupted? Stop them anyway.
            pool.shutdownNow();
        }
        out.println("=== All tasks finished ===");
    }
}
