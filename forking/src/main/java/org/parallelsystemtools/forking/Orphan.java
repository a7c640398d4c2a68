package org.parallelsystemtools.forking;

/**
 * The tutorial's orphan: the parent ends while its child still runs, and the system gives the
 * child a new parent: pid 1, or the nearest ancestor that has made itself a "child subreaper".
 * As in the listing the child reports 100 times, a second apart, and nobody waits for it: once
 * the prompt is back, Ctrl-C no longer reaches it; it ends by itself, or with {@code kill PID}.
 */
public final class Orphan {

    static final int ROUNDS = 100;

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

/* Output: (vary 15559 15662 1)
Child 15559 completed
...
Child 15662, Parent PID: 1
Child 15662, Parent PID: 1
Child 15662, Parent PID: 1
...
*/
