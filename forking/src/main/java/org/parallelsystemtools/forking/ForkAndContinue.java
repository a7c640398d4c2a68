package org.parallelsystemtools.forking;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Deitel's fig. 18.2: after the "fork" parent and child run on side by side, each printing its
 * pid, the value the fork gave it (the child's pid in the parent, 0 in the child) and its own
 * copy of {@code processName}. Their lines interleave differently from run to run.
 *
 * <p>A forked Python child continues from the line after {@code os.fork()}. A relaunched Java
 * child starts {@code main} from the top, so the role argument sends it straight to the child's
 * part (it never prints "Program executing") and stands in for fork's return value of 0.
 */
public final class ForkAndContinue {

    /** Only the parent is running now. The child's JVM starts with this value again, then changes it. */
    private static String processName = "parent";

    private ForkAndContinue() {
    }

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();
            long forkPID = 0;       // what os.fork() returns in the child
            processName = "child";  // changes this JVM's copy only
            System.out.println("Child executing\n"
                    + "\tpid: " + ProcessHandle.current().pid() + ", forkPID: " + forkPID
                    + ", processName: " + processName);
            finishing(System.out);
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("ForkAndContinue takes no options: " + args[0]);
            return 2;
        }
        out.println("Program executing\n\tpid: " + ProcessHandle.current().pid() + ", processName: " + processName);
        Process child;
        try {
            child = Relaunch.startChild(ForkAndContinue.class);
        } catch (UncheckedIOException e) {
            err.println("Unable to create new process: " + e.getMessage());
            return 1;
        }
        try {
            // The child's lines are copied as they come, so the two processes really interleave.
            Thread childLines = Relaunch.copyOutput(child, out);
            long forkPID = child.pid();   // what os.fork() returns in the parent
            out.println("Parent executing\n"
                    + "\tpid: " + ProcessHandle.current().pid() + ", forkPID: " + forkPID
                    + ", processName: " + processName);
            finishing(out);
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

    private static void finishing(PrintStream out) {
        out.println("Process finishing\n\tpid: " + ProcessHandle.current().pid() + ", processName: " + processName);
        out.flush();
    }
}
