package org.parallelsystemtools.waiting;

/**
 * Lutz {@code testexit_os.py}: {@code Runtime.halt(99)}, Java's {@code os._exit(99)}.
 * Halting ends the process at once with its status, skipping the cleanup that an exit runs.
 */
public final class HaltNow {

    public static void main(String[] args) {
        // Python's cleanup is its atexit functions and the flush of its output buffers; Java's
        // is its shutdown hooks. System.exit(99) would run this one; halt never does.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("cleanup ran")));
        outahere();
    }

    private static void outahere() {
        // Python holds this line in its stdout buffer when the output is a pipe, and os._exit
        // throws the buffer away unprinted; System.out writes it at once, so Java prints it on a
        // terminal and on a pipe alike.
        System.out.println("Bye os world");
        Runtime.getRuntime().halt(99);
        System.out.println("Never reached");
    }
}

/* Output:
Bye os world
*/
