package org.parallelsystemtools.threading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lutz {@code testexit_thread.py}: a thread that exits ends only itself. Each line read starts a
 * thread that counts in shared memory (1, 2, 3...) and exits before its last line; {@code q} ends.
 */
public final class ThreadExit {

    static final AtomicInteger EXIT_STAT = new AtomicInteger();   // Python's global exitstat

    public static void main(String[] args) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        while (true) {
            start(ThreadExit::child);
            String line = input.readLine();
            if (line == null || line.equals("q")) {   // the end of input counts as q; input() raises EOFError
                break;
            }
        }
    }

    @SuppressWarnings("deprecation")   // getId(): threadId() replaces it only from JDK 19 on
    static void child() {
        // Threads share the global: n counts up. Forked children would each print 1.
        int n = EXIT_STAT.incrementAndGet();   // += on a plain int could lose an update
        System.out.println("Hello from child " + Thread.currentThread().getId() + " " + n);
        exit();   // _thread.exit()
        System.out.println("never reached");
    }

    /**
     * Python's {@code _thread.exit()} raises SystemExit, which ends the thread silently. Java's
     * System.exit would end the whole JVM from any thread: a thread ends only itself by returning
     * from run or by throwing out of it, as here.
     */
    static void exit() {
        throw new SystemExit();
    }

    static final class SystemExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Starts a thread that ends silently on SystemExit, as a Python thread does. */
    static void start(Runnable function) {
        // Not a daemon: a thread started just before q still greets. A _thread thread dies with the
        // main thread, so Python may lose that last line when the input comes faster than the threads.
        Thread thread = new Thread(function);
        thread.setUncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof SystemExit)) {
                e.printStackTrace();
            }
        });
        thread.start();
    }
}
/* Output: (unordered; vary 12 13 14) after typing Enter, Enter, q
Hello from child 12 1
Hello from child 13 2
Hello from child 14 3
*/
