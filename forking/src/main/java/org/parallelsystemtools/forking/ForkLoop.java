package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * Lutz {@code fork1.py}: each Enter starts a new child, {@code q} quits. The parent knows the
 * child's pid because the "fork" handed it over; the child asks the system for its own; they agree.
 *
 * <p>A JVM cannot fork, so the child is this class run again in a new JVM, and
 * {@link Relaunch#isChild} plays the part of fork's return value 0. The child's part ends when
 * its branch of {@code main} returns: no {@code os._exit(0)} is needed to keep it out of the
 * parent's loop, because it never started in that loop.
 */
public final class ForkLoop {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        parent();
    }

    static void child() {
        System.out.println("Hello from child " + ProcessHandle.current().pid());
    }

    static void parent() throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        while (true) {
            Process child = Relaunch.builder(ForkLoop.class).inheritIO().start();
            System.out.println("Hello from parent " + ProcessHandle.current().pid() + " " + child.pid());
            // A JVM child needs a tenth of a second to say hello, and it ends with its parent:
            // waiting for it keeps a quick q from ending it before it has spoken.
            child.waitFor();
            String line = input.readLine();
            if (line == null || line.equals("q")) {
                break;
            }
        }
    }
}

/* Output: (vary 7936 8053 8121 8194)
Hello from parent 7936 8053
Hello from child 8053
Hello from parent 7936 8121
Hello from child 8121
Hello from parent 7936 8194
Hello from child 8194
*/
