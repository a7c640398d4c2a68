package org.parallelsystemtools.forking;

/**
 * The tutorial's orphan: the parent ends while its child still runs, and the system gives the
 * child a new parent: pid 1, or the nearest ancestor that has made itself a "child subreaper".
 * The listing's child reports 100 times; this one stops after {@link #ROUNDS}, since nobody
 * waits for it and it must end by itself.
 */
public final class Orphan {

    static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        ProcessHandle me = ProcessHandle.current();
        if (Relaunch.isChild(args)) {
            for (int i = 0; i < ROUNDS; i++) {
                // parent() asks the system afresh each time, so it sees the adoption.
                long parent = me.parent().map(ProcessHandle::pid).orElse(0L);
                System.out.println("Child " + me.pid() + ", Parent PID: " + parent);
                Pace.sleep(1);
            }
            return;
        }
        // Unwatched: outliving its parent is the point.
        Relaunch.unwatched(Orphan.class).inheritIO().start();
        // The listing's words, though it is the parent that prints them, with its own pid.
        System.out.println("Child " + me.pid() + " completed");
    }
}

/* Output:
Child 19041 completed
Child 19067, Parent PID: 1
Child 19067, Parent PID: 1
Child 19067, Parent PID: 1
Child 19067, Parent PID: 1
Child 19067, Parent PID: 1
*/
