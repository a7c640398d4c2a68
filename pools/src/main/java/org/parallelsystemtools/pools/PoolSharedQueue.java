package org.parallelsystemtools.pools;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * 004's "Queue in Process Pools": a writer task and a reader task in one pool, sharing a queue.
 * Python needs {@code Manager().Queue()}, a queue served by another process, because pool
 * workers are processes; pool threads share the heap, so any {@code BlockingQueue} will do.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.mainClass=org.parallelsystemtools.pools.PoolSharedQueue -Dexec.args="--pool 1"</pre>
 */
public final class PoolSharedQueue {

    static final String WORD = "Python";

    private PoolSharedQueue() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int poolSize;
        Duration patience;
        try {
            Options options = new Options(args, "--pool", "--timeout");
            poolSize = options.count("--pool", 2, 1);
            patience = Duration.ofMillis(Math.round(1000 * options.amount("--timeout", 2.0)));
        } catch (Options.UsageError e) {
            err.println("PoolSharedQueue: " + e.getMessage());
            return 2;
        }
        try {
            return share(poolSize, patience, out).equals(WORD) ? 0 : 1;
        } catch (ExecutionException e) {
            err.println("PoolSharedQueue: a task failed: " + e.getCause());
            return 1;
        }
    }

    /** Runs the reader and the writer in one pool; returns what the reader read. */
    static String share(int poolSize, Duration patience, PrintStream out) throws InterruptedException, ExecutionException {
        out.println("Main thread: name=" + Thread.currentThread().getName() + ", pid=" + ProcessHandle.current().pid());
        BlockingQueue<Character> queue = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize);
        try {
            // The seed runs writer, then reader, with the blocking apply(). Here both are submitted
            // at once and the reader goes first on purpose: it blocks waiting for letters while
            // holding a pool thread. With two threads the writer gets the other one; with a pool
            // of one it waits in the queue behind the reader, and the reader waits for it forever
            // (here: until its patience runs out).
            Future<String> read = pool.submit(() -> reader(queue, patience, out));
            Future<?> written = pool.submit(() -> writer(queue, out));
            String word = read.get();
            written.get();
            out.println("Done");
            return word;
        } finally {
            pool.shutdownNow();
        }
    }

    static void writer(BlockingQueue<Character> queue, PrintStream out) {
        out.println("Writer started: thread=" + Thread.currentThread().getName() + ", pid=" + ProcessHandle.current().pid());
        for (char letter : WORD.toCharArray()) {
            queue.add(letter);
        }
    }

    /** Reads the word's letters, in order; the seed's qsize() would race a writer still writing. */
    static String reader(BlockingQueue<Character> queue, Duration patience, PrintStream out) throws InterruptedException {
        out.println("Reader started: thread=" + Thread.currentThread().getName() + ", pid=" + ProcessHandle.current().pid());
        StringBuilder word = new StringBuilder();
        while (word.length() < WORD.length()) {
            Character letter = queue.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (letter == null) {
                out.println("Reader gave up: nothing to read for " + patience.toMillis() / 1000.0
                        + "s (is the writer queued behind the reader?)");
                break;
            }
            out.println("Read: " + letter);
            word.append(letter);
        }
        return word.toString();
    }
}
