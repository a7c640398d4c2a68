package org.parallelsystemtools.forking;

import java.io.IOException;

/**
 * Deitel Fig. 18.2: after the "fork", parent and child both carry on, each printing its pid,
 * what the fork returned to it and its own copy of {@code processName}. The two run side by
 * side, in separate memory, and nothing orders their lines.
 *
 * <p>A forked Python child carries on from the line after {@code os.fork()}; a relaunched Java
 * child starts {@code main} from the top, so the role check comes first and the child never
 * prints "Program executing".
 */
public final class ForkAndContinue {

    /** Only the parent is running now; a relaunched child's JVM starts with this value too. */
    private static String processName = "parent";

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            long forkPID = 0;   // what os.fork() returns in the child
            processName = "child";
            System.out.println("Child executing\n\tpid: " + pid() + ", forkPID: " + forkPID
                    + ", processName: " + processName);
            finishing();
            return;
        }
        System.out.println("Program executing\n\tpid: " + pid() + ", processName: " + processName);
        Process child;
        try {
            child = Relaunch.builder(ForkAndContinue.class).inheritIO().start();
        } catch (IOException e) {
            System.err.println("Unable to create new process.");
            System.exit(1);
            return;
        }
        long forkPID = child.pid();
        System.out.println("Parent executing\n\tpid: " + pid() + ", forkPID: " + forkPID
                + ", processName: " + processName);
        finishing();
        // Fig. 18.2's parent does not wait; a relaunched child ends with its parent, so this one does.
        child.waitFor();
    }

    private static void finishing() {
        System.out.println("Process finishing\n\tpid: " + pid() + ", processName: " + processName);
    }

    private static long pid() {
        return ProcessHandle.current().pid();
    }
}

/* Output: (unordered; vary 3994 6929)
Program executing
	pid: 3994, processName: parent
Parent executing
	pid: 3994, forkPID: 6929, processName: parent
Process finishing
	pid: 3994, processName: parent
Child executing
	pid: 6929, forkPID: 0, processName: child
Process finishing
	pid: 6929, processName: child
*/
