package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * 004's {@code pool.terminate()}: stopping a pool while tasks still run and others wait in its
 * queue. The running ones are interrupted; the queued ones come back unstarted and are cancelled.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.mainClass=org.parallelsystemtools.pools.PoolTerminate -Dexec.args="--after 1.5 --seed 7"</pre>
 */
public final class PoolTerminate {

    private PoolTerminate() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Tasks.Plan plan;
        Duration grace;
        try {
            Options options = new Options(args, "--tasks", "--pool", "--scale", "--seed", "--after");
            plan = Tasks.Plan.from(options);
            grace = Duration.ofMillis(Math.round(1000 * options.amount("--after", 1.5)));
        } catch (Options.UsageError e) {
            err.println("PoolTerminate: " + e.getMessage());
            return 2;
        }
        ExecutorService pool = start(plan.poolSize(), plan.tasks(), plan.sleep(), out);
        try {
            terminate(pool, grace, out);
        } finally {
            pool.shutdownNow();
        }
        return 0;
    }

    /** A task that knows its number, so the pool can hand it back unstarted. */
    record NumberedTask(int id, Tasks.Work work, PrintStream out) implements Runnable {
        @Override
        public void run() {
            long start = System.nanoTime();
            try {
                Tasks.worker(id, work, out);
            } catch (InterruptedException e) {
                // A thread cannot be killed, only asked to stop: a blocking call such as sleep
                // answers shutdownNow's interrupt by throwing. A task that ignores it runs on.
                out.println("Task " + id + " interrupted after " + Tasks.secondsSince(start) + "s");
            }
        }
    }

    static ExecutorService start(int poolSize, int tasks, Tasks.Work work, PrintStream out) {
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        for (int i = 0; i < tasks; i++) {
            // execute, not submit: submit would wrap the task in a FutureTask, and the list that
            // shutdownNow returns would hold anonymous wrappers instead of our numbered tasks.
            pool.execute(new NumberedTask(i, work, out));
        }
        out.println("=== Pool started ===");
        return pool;
    }

    /**
     * The ExecutorService javadoc's own recipe: an orderly shutdown with a deadline, then
     * shutdownNow (Python's terminate) for whatever is left. Returns the never-started task ids.
     */
    static List<Integer> terminate(ExecutorService pool, Duration grace, PrintStream out) throws InterruptedException {
        pool.shutdown();
        if (pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            out.println("=== All tasks finished ===");
            return List.of();
        }
        out.println("=== Terminating pool after " + grace.toMillis() / 1000.0 + "s ===");
        List<Integer> cancelled = new ArrayList<>();
        for (Runnable neverStarted : pool.shutdownNow()) {
            cancelled.add(((NumberedTask) neverStarted).id());
        }
        // Python's terminate() kills the worker processes outright; here we wait for the
        // interrupted threads to leave their tasks.
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            out.println("Some task ignored its interrupt and is still running");
        }
        for (int id : cancelled) {
            out.println("Task " + id + " cancelled, never started");
        }
        out.println("=== Pool terminated: " + cancelled.size() + " tasks cancelled ===");
        return cancelled;
    }
}
