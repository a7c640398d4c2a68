package org.parallelsystemtools.threading;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Threads as objects: a subclass of {@link Thread} holding its id, how far it
 * counts and the mutex it shares with the others. Ten of them count to 100,
 * printing {@code [id] => i} under the mutex; the main thread starts them all,
 * joins them all, and prints {@code Main thread exiting...} last. This is the
 * "Python Threading" section of seed 000 ({@code class MyThread(threading.Thread)}).
 *
 * <pre>
 * --threads N    how many threads (10)
 * --count N      how far each counts (100)
 * --delay-ms N   pause before each line, in milliseconds (0)
 * --call KIND    start (the default): start() each thread, then join() it;
 *                run: call run() directly, the mistake the seed warns about:
 *                every count then runs, one after another, on the main thread
 * </pre>
 */
public final class ThreadSubclass {

    /** The seed's MyThread. Java's Thread is meant to be subclassed the same way. */
    static final class CounterThread extends Thread {
        private final int myId;
        private final int count;
        private final Lock mutex;
        private final long delayMs;
        private final PrintStream out;
        /** The thread that really executed run(): this one after start(), the caller after run(). */
        volatile Thread ranOn;

        CounterThread(int myId, int count, Lock mutex, long delayMs, PrintStream out) {
            super("counter-" + myId);
            this.myId = myId;
            this.count = count;
            this.mutex = mutex;
            this.delayMs = delayMs;
            this.out = out;
        }

        /** Only what is in run() happens in the new thread, and only once start() was called. */
        @Override
        public void run() {
            ranOn = Thread.currentThread();
            for (int i = 0; i < count; i++) {
                if (delayMs > 0) {
                    try {
                        Thread.sleep(delayMs);
                    } catch (InterruptedException e) {
                        return; // asked to stop: end the thread
                    }
                }
                mutex.lock(); // Python: with self.mutex:
                try {
                    // Two writes, as Python's print makes: the text, then the line end.
                    // Without the mutex another thread's text could land in between.
                    out.print("[" + myId + "] => " + i);
                    out.println();
                } finally {
                    mutex.unlock();
                }
            }
        }
    }

    private ThreadSubclass() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int threadCount;
        int count;
        int delayMs;
        boolean callRunDirectly;
        try {
            Options options = Options.parse(args, "--threads", "--count", "--delay-ms", "--call");
            threadCount = options.number("--threads", 10, 1, 1000);
            count = options.number("--count", 100, 0, 1_000_000);
            delayMs = options.number("--delay-ms", 0, 0, 60_000);
            callRunDirectly = options.choice("--call", "start", "start", "run").equals("run");
        } catch (Options.UsageException e) {
            err.println("ThreadSubclass: " + e.getMessage());
            return Options.USAGE_ERROR;
        }

        Lock stdoutMutex = new ReentrantLock();
        List<CounterThread> threads = new ArrayList<>();
        for (int i = 0; i < threadCount; i++) {
            // Creating the object starts nothing: a Thread is only a description until start().
            threads.add(new CounterThread(i, count, stdoutMutex, delayMs, out));
        }
        for (CounterThread thread : threads) {
            if (callRunDirectly) {
                thread.run(); // an ordinary method call: runs here, on the main thread, to the end
            } else {
                thread.start(); // a new thread of the operating system calls run()
            }
        }
        for (CounterThread thread : threads) {
            thread.join(); // wait until its run() has returned (at once if it never started)
        }
        out.println("Main thread exiting...");
        return 0;
    }
}
