package org.parallelsystemtools.forking;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Each process has its own memory: parent and child both add to "the same" static counter, and
 * neither sees the other's additions. The parent waits until the child has finished, so when it
 * prints, the child's additions have certainly happened, and still its counter holds only its own.
 *
 * <p>A forked child gets a copy of the parent's memory as it was at the fork. A relaunched Java
 * child gets a fresh JVM in which {@code counter} starts at 0 again; anything the child needs
 * from its parent has to be sent (here, the number of additions travels as an argument).
 */
public final class SeparateMemory {

    private static int counter = 0;

    private SeparateMemory() {
    }

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();
            int additions = Integer.parseInt(args[1]);
            for (int i = 0; i < additions; i++) {
                counter += 1;
            }
            System.out.println("Child process: counter=" + counter);
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Options: {@code --child N} and {@code --parent N}, how often each process adds 1 (default 1). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int childAdds;
        int parentAdds;
        try {
            Args options = new Args(args, List.of("--child", "--parent"));
            childAdds = options.integer("--child", 1, 0, 1_000_000);
            parentAdds = options.integer("--parent", 1, 0, 1_000_000);
        } catch (Args.UsageException e) {
            err.println("SeparateMemory: " + e.getMessage());
            return 2;
        }
        counter = 0;    // as the seed's module-level assignment (run may be called more than once)
        Process child;
        try {
            child = Relaunch.startChild(SeparateMemory.class, Integer.toString(childAdds));
        } catch (UncheckedIOException e) {
            err.println("SeparateMemory: " + e.getMessage());
            return 1;
        }
        try {
            Relaunch.copyOutput(child, out).join();
            child.waitFor();    // the seed sleeps a second instead; waiting is certain
            for (int i = 0; i < parentAdds; i++) {
                counter += 1;
            }
            out.println("Parent process: counter=" + counter);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.destroy(child);
        }
    }
}
