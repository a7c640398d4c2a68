package org.parallelsystemtools.forking;

/**
 * The tutorial's {@code os.fork()}: one call, and from then on two processes, told apart only by
 * what the call gave each of them (0 in the child, the child's pid in the parent).
 *
 * <p>Java has no call that returns twice. The parent starts this class again in a new JVM, and
 * the role argument that {@link Relaunch#isChild} reads is the child's 0.
 */
public final class ForkReturns {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            System.out.println("Child process executing");
            return;
        }
        Process child = Relaunch.builder(ForkReturns.class).inheritIO().start();
        System.out.println("Parent process executing");
        // A relaunched child ends with its parent: wait, or it may be gone before it speaks.
        child.waitFor();
    }
}

/* Output: (unordered)
Parent process executing
Child process executing
*/
