package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * 004's {@code pool.apply}: the same ten tasks, but the caller waits for each one before handing
 * over the next, so a pool of three runs them one at a time, in order.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.mainClass=org.parallelsystemtools.pools.PoolSync</pre>
 */
public final class PoolSync {

    private PoolSync() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Tasks.Plan plan;
        try {
            plan = Tasks.Plan.from(new Options(args, "--tasks", "--pool", "--scale", "--seed"));
        } catch (Options.UsageError e) {
            err.println("PoolSync: " + e.getMessage());
            return 2;
        }
        try {
            runSync(plan.poolSize(), plan.tasks(), plan.sleep(), out);
        } catch (ExecutionException e) {
            err.println("PoolSync: a task failed: " + e.getCause());
            return 1;
        }
        return 0;
    }

    static void runSync(int poolSize, int tasks, Tasks.Work work, PrintStream out)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        try {
            for (int i = 0; i < tasks; i++) {
                int id = i;
                // apply -> submit(...).get(): Java has no blocking submit; waiting on the Future
                // at once is the same thing. The other two threads sit idle meanwhile.
                pool.submit(() -> {
                    Tasks.worker(id, work, out);
                    return null;
                }).get();
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }
    }
}
