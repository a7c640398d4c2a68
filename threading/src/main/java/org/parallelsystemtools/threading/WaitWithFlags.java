package org.parallelsystemtools.threading;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-count-wait2.py}: the exit signal is a list of ten flags that each thread sets
 * when done, and main spins while any is still false. Shared memory is enough to signal, if the
 * writes are seen: in Java that takes atomic or volatile flags.
 */
public final class WaitWithFlags {

    static final Lock STDOUT_MUTEX = new ReentrantLock();
    // A plain boolean[] could keep main spinning for ever: nothing obliges it to see another
    // thread's write, and the JIT may read the element once and never again.
    static final AtomicBoolean[] EXIT_FLAGS = new AtomicBoolean[10];

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            EXIT_FLAGS[i] = new AtomicBoolean(false);
        }
        for (int i = 0; i < 10; i++) {
            int myId = i;
            new Thread(() -> counter(myId, 100)).start();
        }
        while (Arrays.stream(EXIT_FLAGS).anyMatch(flag -> !flag.get())) {   // while False in exitmutexes
            Thread.onSpinWait();
        }
        System.out.println("Main thread exiting.");
    }

    static void counter(int myId, int count) {
        for (int i = 0; i < count; i++) {
            STDOUT_MUTEX.lock();
            try {
                System.out.println("[" + myId + "] => " + i);
            } finally {
                STDOUT_MUTEX.unlock();
            }
        }
        EXIT_FLAGS[myId].set(true);
    }
}

/* Output: (unordered)
[0] => 0
[1] => 0
[1] => 1
[1] => 2
...
[0] => 98
[0] => 99
Main thread exiting.
*/
