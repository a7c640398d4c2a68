package org.parallelsystemtools.forking;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * How many children per second can a Java program start and reap? Each child is a full JVM
 * that does nothing but watch its parent; the parent starts one, waits for it to end, and
 * repeats. It measures plain {@code java} and then with {@link Relaunch#FAST_START}, the flags
 * every program of this module gives its children. The last line is the figure:
 * {@code spawn: N children/s}.
 *
 * <p>Python's {@code os.fork} copies a running process in well under a millisecond; a JVM has
 * to start from nothing every time (load the VM, map the class-data archive, run class
 * initialisation), which is why the figure to compare is Python's {@code multiprocessing}
 * "spawn" start method, which also starts a fresh interpreter for every child.
 */
public final class SpawnRate {

    private SpawnRate() {
    }

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();     // the child's whole work, as in every program here
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Options: {@code --count N} children per measurement (30), {@code --warmup N} unmeasured ones before (2). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int count;
        int warmup;
        try {
            Args options = new Args(args, List.of("--count", "--warmup"));
            count = options.integer("--count", 30, 1, 100_000);
            warmup = options.integer("--warmup", 2, 0, 100);
        } catch (Args.UsageException e) {
            err.println("SpawnRate: " + e.getMessage());
            return 2;
        }
        out.println("Starting and reaping " + count + " children one after another, parent pid "
                + ProcessHandle.current().pid());
        try {
            double plain = measure(List.of(), count, warmup);
            out.printf("plain java:                %d children in %.2f s = %.1f children/s%n", count, count / plain, plain);
            double fast = measure(Relaunch.FAST_START, count, warmup);
            out.printf("with fast-start flags:     %d children in %.2f s = %.1f children/s%n", count, count / fast, fast);
            out.println("(fast-start flags: " + String.join(" ", Relaunch.FAST_START) + ")");
            out.printf("spawn: %.1f children/s%n", fast);
            return 0;
        } catch (IOException | InterruptedException e) {
            err.println("SpawnRate: " + e.getMessage());
            return 1;
        }
    }

    /** Children per second: start one, wait for its end, {@code count} times (after the warm-ups). */
    static double measure(List<String> flags, int count, int warmup) throws IOException, InterruptedException {
        List<String> command = Relaunch.command(flags, SpawnRate.class, Relaunch.CHILD);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        for (int i = 0; i < warmup; i++) {
            builder.start().waitFor();
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Process child = builder.start();
            try {
                if (child.waitFor() != 0) {
                    throw new IOException("child " + child.pid() + " failed with exit code " + child.exitValue());
                }
            } finally {
                Relaunch.destroy(child);
            }
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
