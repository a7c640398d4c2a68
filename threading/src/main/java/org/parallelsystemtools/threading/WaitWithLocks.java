package org.parallelsystemtools.threading;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-count-wait1.py}: each thread locks an exit lock of its own when it is done,
 * and main spins until all ten are locked. The threads say when they end; nobody guesses a sleep.
 */
public final class WaitWithLocks {

    static final Lock STDOUT_MUTEX = new ReentrantLock();
    static final ReentrantLock[] EXIT_MUTEXES = new ReentrantLock[10];

    public static void main(String[] args) {
        for (int i = 0; i < 10; i++) {
            EXIT_MUTEXES[i] = new ReentrantLock();
        }
        for (int i = 0; i < 10; i++) {
            int myId = i;
            new Thread(() -> counter(myId, 100)).start();
        }
        for (ReentrantLock mutex : EXIT_MUTEXES) {
            while (!mutex.isLocked()) {
                Thread.onSpinWait();   // Python: pass. A hint to the CPU that this is a busy wait.
            }
        }
        // Java would say thread.join() or CountDownLatch.await(), and not spin a core meanwhile.
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
        // A ReentrantLock belongs to the thread that took it and stays locked after that thread
        // ends; Python's Lock has no owner. Either way, locked means "this thread is done".
        EXIT_MUTEXES[myId].lock();
    }
}

/* Output: (unordered)
[0] => 0
[1] => 0
[1] => 1
[1] => 2
...
[3] => 98
[3] => 99
Main thread exiting.
*/
