package org.parallelsystemtools.forking;

/**
 * The tutorial's {@code getpid()} and {@code getppid()}: each process asks who it is, and who
 * its parent is, and the answers fit together: the child's pid is what the parent was given,
 * and the child's parent is the parent.
 *
 * <p>{@code os.getppid()} becomes {@code ProcessHandle.current().parent()}, an {@code Optional}:
 * a process may have no parent it is allowed to see.
 */
public final class ProcessIds {

    public static void main(String[] args) throws Exception {
        ProcessHandle me = ProcessHandle.current();
        Process child = null;
        if (Relaunch.isChild(args)) {
            long parent = me.parent().map(ProcessHandle::pid).orElse(0L);
            System.out.println("Child process PID: " + me.pid() + ", Parent PID: " + parent);
        } else {
            child = Relaunch.builder(ProcessIds.class).inheritIO().start();
            System.out.println("Parent process PID: " + me.pid() + ", Child PID: " + child.pid());
        }
        System.out.println("Both processes execute this code");
        if (child != null) {
            child.waitFor();    // a relaunched child ends with its parent
        }
    }
}

/* Output: (unordered; vary 4012 6932)
Parent process PID: 4012, Child PID: 6932
Both processes execute this code
Child process PID: 6932, Parent PID: 4012
Both processes execute this code
*/
