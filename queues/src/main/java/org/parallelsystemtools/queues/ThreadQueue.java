package org.parallelsystemtools.queues;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Producer and consumer threads sharing one queue (Lutz's queuetest.py): 4 producers put 4
 * messages each, 2 consumers take them and print {@code consumer N got => ...} under a print lock.
 *
 * <p>The Python original ends by sleeping long enough ({@code time.sleep(13)}) and hoping every
 * message was consumed. Here main joins the producers, then puts one "poison pill" per consumer
 * behind the last real message; a consumer that takes a pill stops, and main joins the consumers.
 * The program ends exactly when the last message has been printed, whatever the delays.
 *
 * <pre>options: --producers 4 --consumers 2 --messages 4 --scale 0.25
 * (scale 1 = the seed's delays: producer i waits i s before each message, consumers 0.1 s)</pre>
 */
public final class ThreadQueue {
    /** The pill is recognised by identity (==), so no real message, whatever its text, can stop a consumer. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String POISON = new String("no more messages");

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int producers;
        int consumers;
        int messages;
        double scale;
        try {
            Options options = new Options(args, List.of("--producers", "--consumers", "--messages", "--scale"));
            producers = options.integer("--producers", 4, 1, 1000);
            consumers = options.integer("--consumers", 2, 1, 1000);
            messages = options.integer("--messages", 4, 0, 1_000_000);
            scale = options.decimal("--scale", 0.25, 0, 60);
        } catch (Options.Usage e) {
            err.println("ThreadQueue: " + e.getMessage());
            return 2;
        }

        // queue.Queue() is unbounded; so is LinkedBlockingQueue. put() never blocks here, take() waits.
        BlockingQueue<String> dataQueue = new LinkedBlockingQueue<>();
        Object safeprint = new Object();  // thread.allocate_lock(): one thread at a time on the console

        List<Thread> consumerThreads = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            int idnum = i;
            consumerThreads.add(new Thread(() -> {
                try {
                    while (true) {
                        sleep(0.1 * scale);               // the seed's simulated work per loop
                        String data = dataQueue.take();  // blocks until a message (or a pill) arrives
                        if (data == POISON) {
                            return;
                        }
                        synchronized (safeprint) {
                            out.println("consumer " + idnum + " got => " + data);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();   // asked to stop: just end the thread
                }
            }, "consumer-" + i));
        }
        List<Thread> producerThreads = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            int idnum = i;
            producerThreads.add(new Thread(() -> {
                try {
                    for (int msgnum = 0; msgnum < messages; msgnum++) {
                        sleep(idnum * scale);              // producer i is i times slower, as in the seed
                        dataQueue.put("[producer id=" + idnum + ", count=" + msgnum + "]");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "producer-" + i));
        }

        consumerThreads.forEach(Thread::start);
        producerThreads.forEach(Thread::start);
        try {
            for (Thread t : producerThreads) {
                t.join();                  // every message is in the queue now...
            }
            for (int i = 0; i < consumers; i++) {
                dataQueue.put(POISON);     // ...and the pills line up behind the last one (FIFO)
            }
            for (Thread t : consumerThreads) {
                t.join();                  // each consumer has printed everything it took
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ThreadQueue: interrupted");
            return 1;
        } finally {
            // Non-daemon threads would keep the JVM (and Maven's exec:java) alive: never leave one behind.
            consumerThreads.forEach(Thread::interrupt);
            producerThreads.forEach(Thread::interrupt);
        }
        out.println("Main thread exit");
        return 0;
    }

    private static void sleep(double seconds) throws InterruptedException {
        if (seconds > 0) {
            Thread.sleep(Math.round(seconds * 1000));
        }
    }
}
