package org.parallelsystemtools.pools;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Lutz {@code multi6.py}: {@code workers.map(powers, ...)} on a {@code Pool(processes=5)}.
 * A pool's map splits a list among its worker processes and gives the results back in the list's
 * order, whichever worker finished first.
 */
public final class PoolMap {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        WorkerPool workers = new WorkerPool(PoolMap.class, 5);   // five worker JVMs
        List<BigInteger> results = workers.map(PoolMap::powers, Collections.nCopies(100, 2));
        System.out.println(results.subList(0, 16));                              // results[:16]
        System.out.println(results.subList(results.size() - 2, results.size())); // results[-2:]

        results = workers.map(PoolMap::powers, IntStream.range(0, 100).boxed().toList());
        System.out.println(results.subList(0, 16));
        System.out.println(results.subList(results.size() - 2, results.size()));
    }

    static BigInteger powers(int x) {
        // System.out.println(ProcessHandle.current().pid()); // enable: five pids, the workers
        // Python's int has no limit; 2^99 overflows a long, so BigInteger. A List prints as
        // Python's list does: [1, 2, 4].
        return BigInteger.TWO.pow(x);
    }
}
/* Output:
[4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]
[4, 4]
[1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768]
[316912650057057350374175801344, 633825300114114700748351602688]
*/
