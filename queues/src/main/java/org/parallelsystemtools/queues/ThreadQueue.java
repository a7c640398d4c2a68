package org.parallelsystemtools.queues;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lutz {@code queuetest.py} and {@code queuetest2.py}: producer and consumer threads communicating
 * through a shared queue. The queue does the locking for the data, so the threads share no other
 * variable; only the console needs a lock.
 *
 * <p>{@code queuetest2.py} passes the queue to each thread instead of using a global; in Java the
 * lambda that starts a thread captures whatever it uses, so both listings are this one program.
 */
public final class ThreadQueue {
    static final int NUM_CONSUMERS = 2;   // how many consumers to start
    static final int NUM_PRODUCERS = 4;   // how many producers to start
    static final int NUM_MESSAGES = 4;    // messages per producer to put

    // println already writes a whole line under the stream's own lock; safeprint is the listing's,
    // and it is what keeps a line whole once a print takes more than one call.
    static final Object safeprint = new Object();
    static final BlockingQueue<String> dataQueue = new LinkedBlockingQueue<>();  // unbounded, like queue.Queue()

    public static void main(String[] args) {
        for (int i = 0; i < NUM_CONSUMERS; i++) {
            int idnum = i;
            Thread consumer = new Thread(() -> consumer(idnum));
            // A _thread thread dies with the program when the main thread ends; a Java thread
            // keeps the JVM running unless it is a daemon, and these consumers never return.
            consumer.setDaemon(true);
            consumer.start();
        }
        for (int i = 0; i < NUM_PRODUCERS; i++) {
            int idnum = i;
            new Thread(() -> producer(idnum)).start();
        }
        Pace.sleep((NUM_PRODUCERS - 1) * NUM_MESSAGES + 1);
        System.out.println("Main thread exit.");
    }

    static void producer(int idnum) {
        for (int msgnum = 0; msgnum < NUM_MESSAGES; msgnum++) {
            Pace.sleep(idnum);
            dataQueue.add("[producer id=" + idnum + ", count=" + msgnum + "]");
        }
    }

    static void consumer(int idnum) {
        while (true) {
            Pace.sleep(0.1);
            String data = dataQueue.poll();   // get(block=False): null where Python raises queue.Empty
            if (data != null) {
                synchronized (safeprint) {
                    System.out.println("consumer " + idnum + " got => " + data);
                }
            }
        }
    }
}
/* Output: (unordered)
consumer 1 got => [producer id=0, count=0]
consumer 0 got => [producer id=0, count=1]
consumer 0 got => [producer id=0, count=2]
consumer 1 got => [producer id=0, count=3]
consumer 1 got => [producer id=1, count=0]
consumer 0 got => [producer id=2, count=0]
consumer 1 got => [producer id=1, count=1]
consumer 1 got => [producer id=3, count=0]
consumer 0 got => [producer id=1, count=2]
consumer 1 got => [producer id=2, count=1]
consumer 0 got => [producer id=1, count=3]
consumer 1 got => [producer id=3, count=1]
consumer 0 got => [producer id=2, count=2]
consumer 1 got => [producer id=2, count=3]
consumer 1 got => [producer id=3, count=2]
consumer 1 got => [producer id=3, count=3]
Main thread exit.
*/
