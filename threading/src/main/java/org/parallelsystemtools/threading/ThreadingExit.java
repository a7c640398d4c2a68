package org.parallelsystemtools.threading;

/**
 * Lutz {@code testexit-threading.py}: {@code sys.exit()} in a {@code threading} thread ends only that
 * thread, silently; the main thread goes on, says {@code Main exit}, and the program exits with 0.
 */
public final class ThreadingExit {

    public static void main(String[] args) {
        Thread thread = new Thread(ThreadingExit::action);
        // A Python thread that raises SystemExit ends without a word; Java would print a stack trace.
        thread.setUncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof SystemExit)) {
                e.printStackTrace();
            }
        });
        thread.start();
        Pace.sleep(2);
        System.out.println("Main exit");
    }

    static void action() {
        exit();   // sys.exit()
        System.out.println("not reached");
    }

    /**
     * Python's {@code sys.exit()} raises SystemExit, which in a thread ends only that thread. Java's
     * System.exit would end the whole JVM, main included: a thread ends only itself by throwing out of run.
     */
    static void exit() {
        throw new SystemExit();
    }

    static final class SystemExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
/* Output:
Main exit
*/
