package org.parallelsystemtools.mutex;

import java.util.ArrayList;
import java.util.List;

/**
 * Lutz {@code thread-add-random.py}: 100 threads add to one global counter without a lock.
 * {@code count = count + 1} is a read, an add and a write; a thread that writes between another
 * thread's read and write has its update overwritten, so the total falls short.
 */
public final class LostUpdates {

    // The listing's threads add 1 once, sleep, and add 1 again; Java's threads run that in
    // nanoseconds and seldom meet, so each add here is repeated. Without losses: 200 * ADDS.
    private static final int ADDS = 100_000;

    // volatile: every read and write of count goes to memory, as Python's do, so what is lost is
    // lost to the race alone, not to the JIT keeping count in a register.
    private static volatile int count;

    private LostUpdates() {
    }

    public static void main(String[] args) throws InterruptedException {
        count = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Thread thread = new Thread(LostUpdates::adder);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(count);
    }

    static void adder() {
        for (int i = 0; i < ADDS; i++) {
            count = count + 1;
        }
        Pace.sleep(0.5);
        for (int i = 0; i < ADDS; i++) {
            count = count + 1;
        }
    }
}
/* Output: (under 20000000 18139932)
18139932
*/
