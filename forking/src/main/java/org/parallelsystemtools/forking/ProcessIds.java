package org.parallelsystemtools.forking;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Who am I, and who is my parent? Parent and child each print their own pid; the parent also
 * prints the child's pid, the child its parent's pid. Both then run the common closing line.
 *
 * <p>{@code os.getpid()} and {@code os.getppid()} become {@code ProcessHandle.current().pid()}
 * and {@code ProcessHandle.current().parent()}. The parent is an {@code Optional}: a process
 * whose parent has already gone may report none.
 */
public final class ProcessIds {

    private ProcessIds() {
    }

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();
            ProcessHandle me = ProcessHandle.current();
            String parent = me.parent().map(p -> Long.toString(p.pid())).orElse("none");
            System.out.println("Child process PID: " + me.pid() + ", Parent PID: " + parent);
            System.out.println("Both processes execute this code");
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("ProcessIds takes no options: " + args[0]);
            return 2;
        }
        Process child;
        try {
            child = Relaunch.startChild(ProcessIds.class);
        } catch (UncheckedIOException e) {
            err.println("Fork operation failed: " + e.getMessage());
            return 1;
        }
        try {
            Thread childLines = Relaunch.copyOutput(child, out);
            // One println for both lines, so the child's lines cannot land between them.
            out.println("Parent process PID: " + ProcessHandle.current().pid() + ", Child PID: " + child.pid()
                    + "\nBoth processes execute this code");
            out.flush();
            childLines.join();
            child.waitFor();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.destroy(child);
        }
    }
}
