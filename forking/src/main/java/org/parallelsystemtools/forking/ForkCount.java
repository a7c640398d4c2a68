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

/* Output: (unordered; vary 4378 4441 4546 4660 4679)
Process 4378 spawned
Process 4441 spawned
Process 4546 spawned
Process 4660 spawned
Process 4679 spawned
Main process exiting.
[4441] => 0
[4378] => 0
[4441] => 1
[4679] => 0
[4660] => 0
[4546] => 0
[4378] => 1
[4441] => 2
[4660] => 1
[4679] => 1
[4546] => 1
[4378] => 2
[4441] => 3
[4679] => 2
[4660] => 2
[4546] => 2
[4378] => 3
[4441] => 4
[4679] => 3
[4660] => 3
[4546] => 3
[4378] => 4
[4679] => 4
[4660] => 4
[4546] => 4
*/
