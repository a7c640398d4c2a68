package org.parallelsystemtools.pools.beyond;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Beyond the book: PoolSharedQueue's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every task
 * prints this process's pid. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>The tutorial's {@code Manager().Queue()} shared by two pool tasks, {@code apply(writer)} then
 * {@code apply(reader)}. Tasks in a pool talk through a queue they are both handed; the reader
 * runs after the writer is done, so it finds every letter waiting.
 */
public final class ThreadPoolSharedQueue {

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        new Options("ThreadPoolSharedQueue", "ThreadPoolSharedQueue (no arguments)", args).positional(0);
        System.out.println("Main process: " + ProcessHandle.current().pid());
        // Python's pool workers are processes and need a queue served by a manager process.
        // Pool threads share this JVM's heap, so any BlockingQueue will do.
        BlockingQueue<Character> q = new LinkedBlockingQueue<>();
        // Pool() has one worker per CPU.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            pool.submit(() -> writer(q)).get();              // apply: wait until it is done
            pool.submit(() -> reader(q)).get();
            pool.shutdown();                                 // close()
            pool.awaitTermination(1, TimeUnit.HOURS);        // join()
        } finally {
            pool.shutdownNow(); // a pool's threads are not daemons: they would keep the JVM alive
        }
        System.out.println("Done");
    }

    // Void, not void: submit() takes it as a Callable, which may throw InterruptedException.
    static Void reader(BlockingQueue<Character> q) throws InterruptedException {
        System.out.println("Reader started: pid=" + pid() + ", parent=" + parentPid());
        for (int n = q.size(); n > 0; n--) {
            System.out.println("Read: " + q.take());         // q.get(True): block until there is one
        }
        return null;
    }

    static Void writer(BlockingQueue<Character> q) throws InterruptedException {
        System.out.println("Writer started: pid=" + pid() + ", parent=" + parentPid());
        for (char c : "Python".toCharArray()) {
            q.put(c);
        }
        return null;
    }

    // A pool thread is not a child process: its pid is the main process's own, and its parent
    // is whatever started the JVM (a shell, or Maven), where Python prints the main process.
    static long pid() {
        return ProcessHandle.current().pid();
    }

    static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
