package org.parallelsystemtools.forking;

/**
 * Lutz {@code spawnv.py}: ten copies of {@code HelloChild} (arguments 0 to 9) started without
 * waiting for any of them. Spawning is fork and exec as one call, and in Java it is the only way
 * there is.
 *
 * <p>The listing needs {@code os.spawnv} on Windows and fork with {@code execlp} elsewhere;
 * {@code ProcessBuilder.start()} is the same call on every system.
 */
public final class SpawnChildren {

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 10; i++) {
            // Unwatched and writing to the terminal itself: it may outlive this parent, and ends at once.
            Process child = Relaunch.unwatched(HelloChild.class, Integer.toString(i)).inheritIO().start();
            System.out.println("Process " + child.pid() + " spawned");
        }
        System.out.println("Main process exiting.");
    }
}

/* Output: (unordered)
Process 17788 spawned
Process 17791 spawned
Process 17793 spawned
Process 17796 spawned
Process 17798 spawned
Process 17800 spawned
Process 17803 spawned
Process 17827 spawned
Process 17830 spawned
Process 17833 spawned
Main process exiting.
Hello from child 17793 2
Hello from child 17788 0
Hello from child 17791 1
Hello from child 17798 4
Hello from child 17796 3
Hello from child 17830 8
Hello from child 17800 5
Hello from child 17833 9
Hello from child 17803 6
Hello from child 17827 7
*/
