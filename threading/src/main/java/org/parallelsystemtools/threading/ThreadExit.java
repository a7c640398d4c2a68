package org.parallelsystemtools.threading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lutz {@code testexit_thread.py} and {@code testexit-threading.py}: ending a thread ends only that thread.
 * Each line read starts a thread that counts in shared memory (1, 2, 3...) and exits; after {@code q},
 * a thread exits before its last line, and main still says {@code Main exit} and ends with status 0.
 */
public final class ThreadExit {

    static final AtomicInteger EXIT_STAT = new AtomicInteger();   // Python's global exitstat

    public static void main(String[] args) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        while (true) {   // testexit_thread.py
            start(ThreadExit::child);
            String line = input.readLine();
            if (line == null || line.equals("q")) {   // the end of input counts as q
                break;
            }
        }
        start(ThreadExit::action);   // testexit-threading.py
        Pace.sleep(2);
        System.out.println("Main exit");
    }

    @SuppressWarnings("deprecation")   // getId(): threadId() replaces it only from JDK 19 on
    static void child() {
        // Threads share the global: n counts up. Forked children would each print 1.
        int n = EXIT_STAT.incrementAndGet();   // += on a plain int could lose an update
        System.out.println("Hello from child " + Thread.currentThread().getId() + " " + n);
        exit();   // _thread.exit()
        System.out.println("never reached");
    }

    static void action() {
        exit();   // sys.exit() in a thread
        System.out.println("not reached");
    }

    /**
     * Python's {@code _thread.exit()} and {@code sys.exit()} raise SystemExit, which ends the thread
     * silently. Java's System.exit would end the whole JVM from any thread: a thread ends only
     * itself by returning from run or by throwing out of it, as here.
     */
    static void exit() {
        throw new SystemExit();
    }

    static final class SystemExit extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Starts a thread that ends silently on SystemExit, as a Python thread does. */
    static void start(Runnable function) {
        Thread thread = new Thread(function);
        thread.setUncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof SystemExit)) {
                e.printStackTrace();
            }
        });
        thread.start();
    }
}

/* Output: (unordered) after typing Enter, Enter, q
Hello from child 14 3
Hello from child 12 1
Hello from child 13 2
Main exit
*/
