package org.parallelsystemtools.forking;

/**
 * Lutz {@code child.py}: the little program that {@code ForkExec}, {@code SpawnChildren} and
 * {@code StartPrograms} start. It is a program of its own, so the pid it prints is the pid its
 * starter was given, and the argument it prints is the one it was started with.
 */
public final class HelloChild {

    public static void main(String[] args) {
        // Started through Relaunch, its own argument follows the role; started by hand, it comes first.
        String arg = Relaunch.isChild(args) ? args[1] : args[0];
        System.out.println("Hello from child " + ProcessHandle.current().pid() + " " + arg);
    }
}

/* Output:
Hello from child 16912 7
*/
