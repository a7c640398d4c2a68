package org.parallelsystemtools.threading;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads started from a plain function, the {@code _thread.start_new_thread}
 * way of seed 000's "Python _thread Basic": five threads count to five with a
 * pause before each line, and the main thread says {@code Main thread exiting}
 * and returns at once, without waiting for them.
 *
 * <p>In Python, the process ends when the main thread ends and the
 * {@code _thread} threads die with it, usually before they print anything. In
 * Java these are non-daemon threads: the JVM keeps running until the last of
 * them ends, so every count is printed after main has gone. (Under
 * {@code mvn exec:java}, Maven waits for them in the same way.)
 *
 * <pre>
 * --threads N    how many threads (5)
 * --count N      how far each counts (5)
 * --delay-ms N   pause before each line, in milliseconds (200)
 * </pre>
 */
public final class StartNewThread {

    private StartNewThread() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err, new ArrayList<>());
        if (code != 0) {
            System.exit(code);
        }
        // main ends here; the counting threads go on, and the JVM waits for them.
    }

    /** The function each thread runs: Python's counter(tid, count). */
    static void counter(int tid, int count, long delayMs, PrintStream out) {
        for (int i = 0; i < count; i++) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                return; // asked to stop: end the thread
            }
            // One println is one whole line: PrintStream locks itself for each call.
            out.println("[" + tid + "] => " + i);
        }
    }

    /** Starts the threads, adds them to {@code started}, and returns without waiting for them. */
    static int run(String[] args, PrintStream out, PrintStream err, List<Thread> started) {
        int threads;
        int count;
        int delayMs;
        try {
            Options options = Options.parse(args, "--threads", "--count", "--delay-ms");
            threads = options.number("--threads", 5, 1, 1000);
            count = options.number("--count", 5, 0, 1_000_000);
            delayMs = options.number("--delay-ms", 200, 0, 60_000);
        } catch (Options.UsageException e) {
            err.println("StartNewThread: " + e.getMessage());
            return Options.USAGE_ERROR;
        }
        for (int i = 0; i < threads; i++) {
            int tid = i;
            // start_new_thread(counter, (i, 5)): a Runnable (here a lambda) is the function,
            // the captured variables are its arguments.
            Thread thread = new Thread(() -> counter(tid, count, delayMs, out), "counter-" + i);
            thread.start();
            started.add(thread);
        }
        out.println("Main thread exiting");
        return 0;
    }
}
