package org.parallelsystemtools.threading;

import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-count-wait3.py}: five threads that sleep 1, 1/2, 1/3, 1/4 and 1/5 s between lines,
 * and a main thread that polls their exit locks four times a second instead of spinning.
 * The fast threads finish first: thread 4 after about one second, thread 0 after five.
 */
public final class WaitPolling {

    static final int NUM_THREADS = 5;
    static final ReentrantLock[] EXIT_MUTEXES = new ReentrantLock[NUM_THREADS];

    public static void main(String[] args) {
        Lock stdoutMutex = new ReentrantLock();
        for (int i = 0; i < NUM_THREADS; i++) {
            EXIT_MUTEXES[i] = new ReentrantLock();
        }
        for (int i = 0; i < NUM_THREADS; i++) {
            int myId = i;
            new Thread(() -> counter(myId, 5, stdoutMutex)).start();
        }
        while (!Arrays.stream(EXIT_MUTEXES).allMatch(ReentrantLock::isLocked)) {
            Pace.sleep(0.25);
        }
        System.out.println("Main thread exiting.");
    }

    static void counter(int myId, int count, Lock mutex) {
        for (int i = 0; i < count; i++) {
            Pace.sleep(1.0 / (myId + 1));
            mutex.lock();
            try {   // with mutex:
                System.out.println("[" + myId + "] => " + i);
            } finally {
                mutex.unlock();
            }
        }
        EXIT_MUTEXES[myId].lock();   // stays locked after this thread ends: the signal to main
    }
}

/* Output: (unordered)
[4] => 0
[3] => 0
[2] => 0
[4] => 1
[1] => 0
[3] => 1
[4] => 2
[2] => 1
[3] => 2
[4] => 3
[0] => 0
[1] => 1
[2] => 2
[3] => 3
[4] => 4
[3] => 4
[2] => 3
[1] => 2
[2] => 4
[0] => 1
[1] => 3
[1] => 4
[0] => 2
[0] => 3
[0] => 4
Main thread exiting.
*/
