package org.parallelsystemtools.waiting;

/**
 * Lutz {@code testexit_sys.py}: {@code System.exit(42)}, Java's {@code sys.exit(42)}.
 * A program's exit status is the one number it hands back to whoever started it: the shell
 * shows it as {@code $?}, a parent gets it from {@code waitFor()}.
 */
public final class ExitCode {

    public static void main(String[] args) {
        later();
    }

    private static void later() {
        System.out.println("Bye sys world");
        // Ending with System.exit is this listing's lesson (a book program otherwise returns from
        // main). Like Python's SystemExit it runs the cleanup first: here, the shutdown hooks.
        // Under `mvn exec:java` the program runs inside Maven's JVM, so this ends Maven too, and
        // Maven's own exit status is the 42.
        System.exit(42);
        System.out.println("Never reached");
    }
}

/* Output:
Bye sys world
*/
