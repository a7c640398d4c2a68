package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The basic fork loop: start a child, which says hello with its pid and ends; the parent says
 * hello with its own pid and the child's; then wait for a line of input. Any line starts the
 * next child, {@code q} or the end of input quits.
 *
 * <p>Python's {@code os.fork()} returns twice, and the child must call {@code os._exit} or it
 * would run on into the parent's loop. Java has no fork: the parent starts a new JVM that runs
 * this same class with the role argument {@code --relaunched-child}, so the child's part is simply another
 * branch of {@code main}, and it ends when that branch returns.
 */
public final class ForkLoop {

    private ForkLoop() {
    }

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();
            child();
            return;
        }
        int code = run(args, System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The child's whole life: print its pid and end (Python needs os._exit(0) here). */
    static void child() {
        System.out.println("Hello from child " + ProcessHandle.current().pid());
    }

    /** The parent's loop; returns the exit code. Input lines come from {@code in}. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("ForkLoop takes no options (press Enter for a child, q to quit): " + args[0]);
            return 2;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            while (true) {
                Process child = Relaunch.startChild(ForkLoop.class);    // "fork"
                try {
                    // What os.fork() returned to the parent: the child's pid.
                    out.println("Hello from parent " + ProcessHandle.current().pid() + " " + child.pid());
                    out.flush();
                    Relaunch.copyOutput(child, out).join();
                    // The seed never waits, so its children stay zombies until it ends. The JVM
                    // reaps every child itself; waitFor() just collects the exit status.
                    child.waitFor();
                } finally {
                    Relaunch.destroy(child);
                }
                String line = input.readLine();
                if (line == null || line.strip().equals("q")) {
                    return 0;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("ForkLoop: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ForkLoop: interrupted");
            return 1;
        }
    }
}
