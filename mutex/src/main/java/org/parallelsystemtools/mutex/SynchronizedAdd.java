package org.parallelsystemtools.mutex;

import java.util.ArrayList;
import java.util.List;

/**
 * Lutz {@code thread-add-synch.py}: the 100 adding threads again, each add under one lock.
 * While one thread holds the lock, no other can read the counter, so no update is lost: 200.
 */
public final class SynchronizedAdd {

    static final Object ADD_LOCK = new Object();   // threading.Lock()
    static int count;

    private SynchronizedAdd() {
    }

    public static void main(String[] args) throws InterruptedException {
        count = 0;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Thread thread = new Thread(SynchronizedAdd::adder);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();   // join also makes every thread's last write visible here
        }
        System.out.println(count);
    }

    static void adder() {
        synchronized (ADD_LOCK) {   // with addlock:
            count = count + 1;
        }
        Pace.sleep(0.5);
        synchronized (ADD_LOCK) {
            count = count + 1;
        }
    }
}
/* Output:
200
*/
