package org.parallelsystemtools.mutex;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-count-mutex.py}: five threads count to five, printing under one lock.
 * Threads share the process's standard output; a mutex lets one thread at a time write a whole
 * line, so no two lines tangle.
 */
public final class MutexCounter {

    private static final Lock MUTEX = new ReentrantLock();   // thread.allocate_lock()

    private MutexCounter() {
    }

    public static void main(String[] args) {
        for (int i = 0; i < 5; i++) {
            int myId = i;
            new Thread(() -> counter(myId, 5)).start();
        }
        // A _thread thread dies with the program, so the listing sleeps past the threads' end; a
        // Java thread keeps the JVM alive until it ends, so a late line is late, never lost.
        Pace.sleep(6);
        // The listing prints this without the lock. Under the lock, a counter that is late on a
        // busy machine cannot have its line cut in two by this one.
        MUTEX.lock();
        try {
            System.out.println("Main thread exiting.");
        } finally {
            MUTEX.unlock();
        }
    }

    static void counter(int myId, int count) {
        for (int i = 0; i < count; i++) {
            Pace.sleep(1);
            MUTEX.lock();
            try {
                // Python's print writes the text and the line end in two writes, and so does this:
                // one println would hold System.out's own lock for both, and need no mutex.
                System.out.print("[" + myId + "] => " + i);
                System.out.print("\n");
            } finally {
                MUTEX.unlock();
            }
        }
    }
}
/* Output: (unordered)
[0] => 0
[2] => 0
[1] => 0
[3] => 0
[4] => 0
[4] => 1
[3] => 1
[2] => 1
[1] => 1
[0] => 1
[2] => 2
[1] => 2
[0] => 2
[3] => 2
[4] => 2
[1] => 3
[0] => 3
[3] => 3
[4] => 3
[2] => 3
[0] => 4
[3] => 4
[4] => 4
[2] => 4
[1] => 4
Main thread exiting.
*/
