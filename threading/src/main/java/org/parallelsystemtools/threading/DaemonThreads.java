package org.parallelsystemtools.threading;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-count-threading.py}: threads from {@code threading} are non-daemon threads, and
 * the process lives until the last of them ends. Main says goodbye first; the 25 counts follow
 * over five seconds. Java's threads start out non-daemon too.
 */
public final class DaemonThreads {

    public static void main(String[] args) {
        Lock stdoutMutex = new ReentrantLock();
        for (int i = 0; i < 5; i++) {
            int myId = i;
            Thread thread = new Thread(() -> counter(myId, 5, stdoutMutex));
            // thread.setDaemon(true) here, and the JVM would end right after main's line, taking
            // the counts with it: what Python's _thread threads do. Only before start() may it change.
            thread.start();
        }
        System.out.println("Main thread exiting.");
    }

    static void counter(int myId, int count, Lock mutex) {
        for (int i = 0; i < count; i++) {
            Pace.sleep(1);
            mutex.lock();
            try {
                System.out.println("[" + myId + "] => " + i);
            } finally {
                mutex.unlock();
            }
        }
    }
}

/* Output: (unordered)
Main thread exiting.
[0] => 0
[1] => 0
[2] => 0
[3] => 0
[4] => 0
[1] => 1
[0] => 1
[2] => 1
[3] => 1
[4] => 1
[1] => 2
[0] => 2
[2] => 2
[3] => 2
[4] => 2
[0] => 3
[1] => 3
[2] => 3
[3] => 3
[4] => 3
[1] => 4
[0] => 4
[2] => 4
[3] => 4
[4] => 4
*/
