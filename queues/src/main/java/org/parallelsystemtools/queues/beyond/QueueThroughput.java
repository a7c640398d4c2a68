package org.parallelsystemtools.queues.beyond;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Supplier;

/**
 * How many items per second producer threads can hand to consumer threads through the JDK's
 * blocking queues: the work of {@code compare/queue_bench.py} (Python's {@code queue.Queue}),
 * for three queue classes, each with one {@code take()} per item and with {@code drainTo()}
 * batches. Every round checks that each item arrived exactly once (by count and by sum).
 *
 * <p>The line to compare with Python is {@code LinkedBlockingQueue take}: unbounded, one get per
 * item, as {@code queue.Queue()} is. The last line is the idiom to reach for: a bounded
 * {@code ArrayBlockingQueue} (producers wait instead of filling the heap when consumers fall
 * behind) drained in batches (one lock round per batch, not per item).
 */
public final class QueueThroughput {
    static final String USAGE = "QueueThroughput [--items N] [--rounds N] [--producers N] [--consumers N]";
    /** Items per second assumed for the time estimate printed before the work starts. */
    static final double ROUGH_RATE = 2e6;

    /** A message, like the Python program's (producer, n) tuple. */
    public record Item(int producer, int n) { }

    /** One pill per consumer, recognised by identity: no real item is this object. */
    static final Item POISON = new Item(-1, -1);
    static final int BATCH = 256;
    static final List<String> KINDS = List.of("ArrayBlockingQueue(8192)", "LinkedBlockingQueue", "LinkedTransferQueue");

    public static void main(String[] args) throws InterruptedException {
        Options options = new Options("QueueThroughput", USAGE, args, "--items", "--rounds", "--producers", "--consumers");
        options.positional(0);
        int items = options.whole("--items", 200_000, 1, 1_000_000);
        int rounds = options.whole("--rounds", 3, 1, 20);
        int producers = options.whole("--producers", 4, 1, 8);
        int consumers = options.whole("--consumers", 2, 1, 8);

        long total = (long) producers * items;
        System.out.printf("Handing %d producers x %d items to %d consumers through %d queue setups,"
                        + " best of %d rounds each: roughly %.0f s%n",
                producers, items, consumers, KINDS.size() * 2, rounds,
                Math.ceil(total * rounds * KINDS.size() * 2 / ROUGH_RATE));
        double likePython = 0;
        double idiom = 0;
        for (String kind : KINDS) {
            for (boolean batched : new boolean[] {false, true}) {
                Supplier<BlockingQueue<Item>> factory = switch (kind) {
                    case "ArrayBlockingQueue(8192)" -> () -> new ArrayBlockingQueue<>(8192);
                    case "LinkedBlockingQueue" -> LinkedBlockingQueue::new;
                    default -> LinkedTransferQueue::new;
                };
                double best = 0;
                for (int r = 0; r < rounds; r++) {   // the first rounds also warm up the JIT
                    long nanos = round(factory.get(), batched, producers, consumers, items);
                    best = Math.max(best, total * 1e9 / nanos);
                }
                System.out.printf("%-26s %-8s %,13.0f items/s%n", kind, batched ? "drainTo" : "take", best);
                if (kind.equals("LinkedBlockingQueue") && !batched) {
                    likePython = best;
                }
                if (kind.startsWith("ArrayBlockingQueue") && batched) {
                    idiom = best;
                }
            }
        }
        System.out.printf("java queue (LinkedBlockingQueue, take, as queue.Queue): %.0f items/s%n", likePython);
        System.out.printf("java queue (ArrayBlockingQueue, drainTo): %.0f items/s%n", idiom);
    }

    /** One timed round: its nanoseconds. Fails loudly if an item is lost or doubled. */
    public static long round(BlockingQueue<Item> queue, boolean batched, int producers, int consumers, int items)
            throws InterruptedException {
        long[] count = new long[consumers];
        long[] sum = new long[consumers];
        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int me = c;
            consumerThreads.add(new Thread(() -> consume(queue, batched, count, sum, me)));
        }
        List<Thread> producerThreads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int me = p;
            producerThreads.add(new Thread(() -> {
                try {
                    for (int n = 0; n < items; n++) {
                        queue.put(new Item(me, n));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        long t0 = System.nanoTime();
        consumerThreads.forEach(Thread::start);
        producerThreads.forEach(Thread::start);
        for (Thread t : producerThreads) {
            t.join();
        }
        // Pills go in only after every producer is done, so nothing but pills ever follows a pill.
        for (int c = 0; c < consumers; c++) {
            queue.put(POISON);
        }
        for (Thread t : consumerThreads) {
            t.join();   // join also makes the consumers' counts visible here
        }
        long nanos = System.nanoTime() - t0;
        long total = 0;
        long totalSum = 0;
        for (int c = 0; c < consumers; c++) {
            total += count[c];
            totalSum += sum[c];
        }
        if (total != (long) producers * items || totalSum != (long) producers * items * (items - 1L) / 2) {
            throw new IllegalStateException("lost or doubled items: " + total + " of " + (long) producers * items);
        }
        return nanos;
    }

    static void consume(BlockingQueue<Item> queue, boolean batched, long[] count, long[] sum, int me) {
        List<Item> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                batch.add(queue.take());              // wait for one...
                if (batched) {
                    queue.drainTo(batch, BATCH - 1);  // ...then take whatever else is there, in one locked step
                }
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.get(i) == POISON) {
                        // drainTo may have taken the other consumers' pills too: hand them back.
                        for (int j = i + 1; j < batch.size(); j++) {
                            queue.put(batch.get(j));
                        }
                        return;
                    }
                    count[me]++;
                    sum[me] += batch.get(i).n();
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
