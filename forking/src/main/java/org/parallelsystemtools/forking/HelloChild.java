package org.parallelsystemtools.forking;

/**
 * Lutz {@code child.py}: the little program that {@code ForkExec}, {@code SpawnChildren} and
 * {@code StartPrograms} start. It is a program of its own, so the pid it prints is the pid its
 * starter was given, and the argument it prints is the one it was started with.
 */
public final class HelloChild {

    public static void main(String[] args) {
        // Started through Relaunch, its own argument follows the role; started by hand, it comes first.
        int at = Relaunch.isChild(args) ? 1 : 0;
        if (args.length != at + 1) {
            System.err.println("HelloChild: expected one argument, the word to print (usage: HelloChild ARG)");
            System.exit(2);
        }
        String arg = args[at];
        System.out.println("Hello from child " + ProcessHandle.current().pid() + " " + arg);
    }
}

/* Output: (vary 7943)
Hello from child 7943 7
*/
