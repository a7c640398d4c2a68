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

/* Output: (unordered; vary 5930 6954 6959 6966 6974 7004 7025 7050 7085 7094)
Process 5930 spawned
Process 6954 spawned
Process 6959 spawned
Process 6966 spawned
Process 6974 spawned
Process 7004 spawned
Process 7025 spawned
Process 7050 spawned
Process 7085 spawned
Process 7094 spawned
Main process exiting.
Hello from child 6959 2
Hello from child 6974 4
Hello from child 6966 3
Hello from child 7025 6
Hello from child 6954 1
Hello from child 7004 5
Hello from child 5930 0
Hello from child 7094 9
Hello from child 7050 7
Hello from child 7085 8
*/
