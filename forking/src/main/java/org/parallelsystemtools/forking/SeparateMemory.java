package org.parallelsystemtools.forking;

/**
 * The tutorial's global counter: parent and child each add 1 to "the same" counter, and each
 * sees only its own addition. Every process has memory of its own.
 *
 * <p>A forked child starts with a copy of its parent's memory; a relaunched Java child starts
 * with a fresh JVM, where {@code counter} is 0 because the class is initialised anew. Either
 * way, what one process changes the other never sees.
 */
public final class SeparateMemory {

    private static int counter = 0;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            counter += 1;
            System.out.println("Child process: counter=" + counter);
            return;
        }
        Process child = Relaunch.builder(SeparateMemory.class).inheritIO().start();
        Pace.sleep(1);
        // The listing's second is meant to let the child go first; a JVM child may need longer.
        child.waitFor();
        counter += 1;
        System.out.println("Parent process: counter=" + counter);
    }
}

/* Output:
Child process: counter=1
Parent process: counter=1
*/
