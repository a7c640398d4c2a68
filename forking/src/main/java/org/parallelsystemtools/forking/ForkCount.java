package org.parallelsystemtools.forking;

/**
 * Lutz {@code fork-count.py}: five children count from 0 to 4, a second apart, while the parent
 * says goodbye at once. The children are on their own: nobody waits for them, and their lines
 * reach the terminal after the parent has gone.
 */
public final class ForkCount {

    static final int CHILDREN = 5;
    static final int COUNT = 5;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            counter(COUNT);
            return;
        }
        for (int i = 0; i < CHILDREN; i++) {
            // Unwatched and writing to the terminal itself, as a forked child does: it outlives
            // its parent, and ends by itself when its count is done.
            Process child = Relaunch.unwatched(ForkCount.class).inheritIO().start();
            System.out.println("Process " + child.pid() + " spawned");
        }
        System.out.println("Main process exiting.");
    }

    static void counter(int count) {
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < count; i++) {
            Pace.sleep(1);
            System.out.println("[" + pid + "] => " + i);
        }
    }
}

/* Output: (unordered)
Process 22328 spawned
Process 22340 spawned
Process 22345 spawned
Process 22349 spawned
Process 22360 spawned
Main process exiting.
[22328] => 0
[22340] => 0
[22349] => 0
[22345] => 0
[22360] => 0
[22328] => 1
[22340] => 1
[22349] => 1
[22345] => 1
[22360] => 1
[22328] => 2
[22340] => 2
[22349] => 2
[22345] => 2
[22360] => 2
[22328] => 3
[22340] => 3
[22349] => 3
[22345] => 3
[22360] => 3
[22328] => 4
[22340] => 4
[22349] => 4
[22345] => 4
[22360] => 4
*/
