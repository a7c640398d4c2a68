package org.parallelsystemtools.pools.beyond;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * Beyond the book: PoolMap's listing the way Java programmers write it, an
 * {@code ExecutorService} of threads in one process (no GIL to escape), so every
 * worker is a thread of this one process. The book-tier program runs the same tasks on worker JVMs.
 *
 * <p>Lutz {@code multi6.py}: {@code workers.map(powers, ...)} on a {@code Pool(processes=5)}.
 * A pool's map splits a list among its workers and gives the results back in the list's order,
 * whichever worker finished first.
 */
public final class ThreadPoolMap {

    private static final int WORKERS = 5;

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        new Options("ThreadPoolMap", "ThreadPoolMap (no arguments)", args).positional(0);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            List<BigInteger> results = map(workers, Collections.nCopies(100, 2));
            System.out.println(results.subList(0, 16));                      // results[:16]
            System.out.println(results.subList(results.size() - 2, results.size())); // results[-2:]

            results = map(workers, IntStream.range(0, 100).boxed().toList());
            System.out.println(results.subList(0, 16));
            System.out.println(results.subList(results.size() - 2, results.size()));
        } finally {
            workers.shutdownNow(); // pool threads are not daemons: they would keep the JVM alive
        }
    }

    static BigInteger powers(int x) {
        // System.out.println(ProcessHandle.current().pid()); // enable: one pid, the workers are threads
        // Python's int has no limit; 2^99 overflows a long, so BigInteger.
        return BigInteger.TWO.pow(x);
    }

    /**
     * Pool.map: invokeAll waits for every task and returns the Futures in the order given. A
     * List's toString prints as a Python list does: [1, 2, 4].
     */
    static List<BigInteger> map(ExecutorService workers, List<Integer> items)
            throws InterruptedException, ExecutionException {
        List<Callable<BigInteger>> tasks = new ArrayList<>();
        for (int x : items) {
            tasks.add(() -> powers(x));
        }
        List<BigInteger> results = new ArrayList<>();
        for (Future<BigInteger> done : workers.invokeAll(tasks)) {
            results.add(done.get());
        }
        return results;
    }
}
