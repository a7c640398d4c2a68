package org.parallelsystemtools.queues;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded-queue operations of the multiprocessing {@code Queue(3)} example, done with an
 * {@link ArrayBlockingQueue} of capacity 3: full?, put with a timeout, put without blocking,
 * get without blocking, size. It prints the very lines the Python version prints
 * ({@link #EXPECTED_OUTPUT}); the test compares them.
 *
 * <p>Where Python raises {@code queue.Full} / {@code queue.Empty}, Java's {@code offer} and
 * {@code poll} return {@code false} / {@code null}: a full queue is an expected answer, not an error.
 *
 * <pre>options: --timeout 2   (seconds the timed put waits; the test passes 0)</pre>
 */
public final class BoundedQueue {
    /** What this program prints, line for line the sample output of the Python example. */
    static final String EXPECTED_OUTPUT = String.join(System.lineSeparator(),
            "False",
            "True",
            "Queue full, current size: 3",
            "Queue full, current size: 3",
            "Message 1",
            "Message 2",
            "Message 3",
            "");

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        double timeout;
        try {
            timeout = new Options(args, List.of("--timeout")).decimal("--timeout", 2, 0, 3600);
        } catch (Options.Usage e) {
            err.println("BoundedQueue: " + e.getMessage());
            return 2;
        }

        BlockingQueue<String> q = new ArrayBlockingQueue<>(3);   // Queue(3): at most 3 messages
        q.put("Message 1");                                      // put(): would block while full
        q.put("Message 2");
        out.println(python(full(q)));                            // False
        q.put("Message 3");
        out.println(python(full(q)));                            // True

        // put("Message 4", True, 2): wait up to the timeout for room, then give up.
        if (!q.offer("Message 4", Math.round(timeout * 1000), TimeUnit.MILLISECONDS)) {
            out.println("Queue full, current size: " + q.size());
        }
        // put_nowait("Message 4"): no waiting at all.
        if (!q.offer("Message 4")) {
            out.println("Queue full, current size: " + q.size());
        }
        // The "safe" write: look first. (With other threads about, offer's answer is the only
        // trustworthy check: the queue may fill between the look and the write.)
        if (!full(q)) {
            q.offer("Message 4");
        }
        // get_nowait() until empty: poll() returns null instead of raising queue.Empty.
        if (!q.isEmpty()) {
            for (String message = q.poll(); message != null; message = q.poll()) {
                out.println(message);
            }
        }
        return 0;
    }

    /** Python's q.full(): Java has no such method; a bounded queue tells how much room is left. */
    private static boolean full(BlockingQueue<?> q) {
        return q.remainingCapacity() == 0;
    }

    /** Python prints booleans capitalised; Java's would print "false"/"true". */
    private static String python(boolean b) {
        return b ? "True" : "False";
    }
}
