package org.parallelsystemtools.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lutz {@code queuetest3.py}: the queue program again, with the main thread joining the producers
 * instead of sleeping. The consumers loop forever, so they are daemon threads: the program may end
 * while one of them still holds, or has not yet taken, the last message, which is then never printed.
 *
 * <p>In the run below the last message, {@code [producer id=3, count=3]}, was lost; in other runs
 * it is printed before {@code Main thread exit.}, or just after it while the JVM shuts down.
 */
public final class DaemonConsumers {
    static final int NUM_CONSUMERS = 2;
    static final int NUM_PRODUCERS = 4;
    static final int NUM_MESSAGES = 4;

    static final Object safeprint = new Object();

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> dataQueue = new LinkedBlockingQueue<>();
        for (int i = 0; i < NUM_CONSUMERS; i++) {
            int idnum = i;
            Thread thread = new Thread(() -> consumer(idnum, dataQueue));
            thread.setDaemon(true);   // else cannot exit!
            thread.start();
        }
        List<Thread> waitfor = new ArrayList<>();
        for (int i = 0; i < NUM_PRODUCERS; i++) {
            int idnum = i;
            Thread thread = new Thread(() -> producer(idnum, dataQueue));
            waitfor.add(thread);
            thread.start();
        }
        for (Thread thread : waitfor) {
            thread.join();
        }
        System.out.println("Main thread exit.");
    }

    static void producer(int idnum, BlockingQueue<String> dataqueue) {
        for (int msgnum = 0; msgnum < NUM_MESSAGES; msgnum++) {
            Pace.sleep(idnum);
            dataqueue.add("[producer id=" + idnum + ", count=" + msgnum + "]");
        }
    }

    static void consumer(int idnum, BlockingQueue<String> dataqueue) {
        while (true) {
            Pace.sleep(0.1);
            String data = dataqueue.poll();
            if (data != null) {
                synchronized (safeprint) {
                    System.out.println("consumer " + idnum + " got => " + data);
                }
            }
        }
    }
}
/* Output: (unordered)
consumer 0 got => [producer id=0, count=0]
consumer 1 got => [producer id=0, count=1]
consumer 1 got => [producer id=0, count=2]
consumer 0 got => [producer id=0, count=3]
consumer 1 got => [producer id=1, count=0]
consumer 1 got => [producer id=2, count=0]
consumer 0 got => [producer id=1, count=1]
consumer 1 got => [producer id=3, count=0]
consumer 0 got => [producer id=1, count=2]
consumer 1 got => [producer id=2, count=1]
consumer 0 got => [producer id=1, count=3]
consumer 0 got => [producer id=2, count=2]
consumer 1 got => [producer id=3, count=1]
consumer 1 got => [producer id=2, count=3]
consumer 0 got => [producer id=3, count=2]
Main thread exit.
*/
