package org.parallelsystemtools.threading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lutz {@code thread-classes.py}: a subclass of {@code Thread} carries its own id, count and mutex.
 * Only what {@code run()} does happens on the new thread, and only after {@code start()};
 * {@code join()} makes main wait for all ten before it says goodbye.
 */
public final class ThreadSubclass {

    static final int THREADS = 10;
    static final int COUNT = 100;

    public static void main(String[] args) throws InterruptedException {
        Lock stdoutMutex = new ReentrantLock();
        List<MyThread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            MyThread thread = new MyThread(i, COUNT, stdoutMutex);
            thread.start();
            threads.add(thread);
        }
        for (MyThread thread : threads) {
            thread.join();
        }
        System.out.println("Main thread exiting.");
    }

    /** Python's {@code class Mythread(threading.Thread)}: Java's Thread is subclassed the same way. */
    static final class MyThread extends Thread {
        private final int myId;
        private final int count;
        private final Lock mutex;
        /** The thread that really ran the body: this one after start(), the caller after a bare run(). */
        volatile Thread ranOn;

        MyThread(int myId, int count, Lock mutex) {
            this.myId = myId;
            this.count = count;
            this.mutex = mutex;
        }

        @Override
        public void run() {
            ranOn = Thread.currentThread();
            for (int i = 0; i < count; i++) {
                mutex.lock();
                try {   // Python's with-block: Java releases a Lock only in a finally of its own
                    System.out.println("[" + myId + "] => " + i);
                } finally {
                    mutex.unlock();
                }
            }
        }
    }
}

/* Output: (unordered)
[0] => 0
[0] => 1
[0] => 2
[0] => 3
...
[8] => 98
[8] => 99
Main thread exiting.
*/
