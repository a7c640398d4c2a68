package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * The tutorial's {@code os.wait()} cleanup: a parent waits for its working child and collects it.
 * Waiting is what hands the parent the child's pid and exit status and frees the child's slot.
 */
public final class ReapChildren {

    private static final int WORK_ROUNDS = 5;

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Relaunch.isChild(args)) {
            for (int i = 0; i < WORK_ROUNDS; i++) {
                System.out.println("Child " + ProcessHandle.current().pid() + " working...");
                Pace.sleep(1);
            }
            return;
        }
        Process child = Relaunch.builder(ReapChildren.class).redirectOutput(Redirect.INHERIT).start();
        System.out.println("Parent " + ProcessHandle.current().pid() + " waiting...");

        // os.wait() returns (pid, raw status); waitFor() returns the exit code, already decoded
        // (0 either way here). Java cannot leave the child unreaped: the JVM's reaper thread
        // collects it the moment it ends and keeps the status in the Process object.
        int exitStatus = child.waitFor();
        System.out.println("Reclaimed child: " + child.pid() + ", status: " + exitStatus);
        System.out.println("Cleanup complete");
    }
}

/* Output: (vary 23726 23753)
Parent 23726 waiting...
Child 23753 working...
Child 23753 working...
Child 23753 working...
Child 23753 working...
Child 23753 working...
Reclaimed child: 23753, status: 0
Cleanup complete
*/
