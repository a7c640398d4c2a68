package org.parallelsystemtools.queues;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.function.Supplier;

/**
 * How many handoffs per second 4 producer threads → 2 consumer threads get through the JDK's
 * blocking queues: the work of ../shared/anchors/queue_bench.py (Python's queue.Queue), repeated for
 * three queue classes, each with one take() per item and with drainTo() batches.
 *
 * <p>Every round checks that each of the P × N items arrived exactly once (by count and by sum).
 * The last line is one fixed configuration, the idiom to reach for: a bounded ArrayBlockingQueue
 * (producers wait instead of filling the heap when consumers fall behind) and consumers that
 * take what is queued in drainTo() batches (one lock round per batch, not per item).
 *
 * <pre>options: --items 500000 (per producer) --rounds 5 --producers 4 --consumers 2</pre>
 */
public final class QueueThroughput {
    /** A message, like the anchor's (producer, n) tuple. */
    record Item(int producer, int n) { }

    /** One pill per consumer, recognised by identity. */
    private static final Item POISON = new Item(-1, -1);
    private static final int BATCH = 256;

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int items;
        int rounds;
        int producers;
        int consumers;
        try {
            Options options = new Options(args, List.of("--items", "--rounds", "--producers", "--consumers"));
            items = options.integer("--items", 500_000, 1, 50_000_000);
            rounds = options.integer("--rounds", 5, 1, 100);
            producers = options.integer("--producers", 4, 1, 64);
            consumers = options.integer("--consumers", 2, 1, 64);
        } catch (Options.Usage e) {
            err.println("QueueThroughput: " + e.getMessage());
            return 2;
        }
        out.printf("%d producers x %d items -> %d consumers, best of %d rounds (last line: ArrayBlockingQueue, drainTo)%n",
                producers, items, consumers, rounds);
        double headline = 0;
        for (String kind : List.of("ArrayBlockingQueue(8192)", "LinkedBlockingQueue", "LinkedTransferQueue")) {
            for (boolean batched : new boolean[] {false, true}) {
                Supplier<BlockingQueue<Item>> factory = switch (kind) {
                    case "ArrayBlockingQueue(8192)" -> () -> new ArrayBlockingQueue<>(8192);
                    case "LinkedBlockingQueue" -> LinkedBlockingQueue::new;
                    default -> LinkedTransferQueue::new;
                };
                double best = 0;
                long moved = 0;
                for (int r = 0; r < rounds; r++) {   // the first rounds also warm up the JIT
                    long[] result = round(factory.get(), batched, producers, consumers, items);
                    moved = result[0];
                    best = Math.max(best, result[0] * 1e9 / result[1]);
                }
                out.printf("%-26s %-8s %,13.0f items/s (%d handed over)%n",
                        kind, batched ? "drainTo" : "take", best, moved);
                if (kind.startsWith("ArrayBlockingQueue") && batched) {
                    headline = best;
                }
            }
        }
        out.printf("queue: %.0f items/s%n", headline);
        return 0;
    }

    /** One timed round; returns {items consumed, nanoseconds}. Fails loudly if an item is lost or doubled. */
    static long[] round(BlockingQueue<Item> queue, boolean batched, int producers, int consumers, int items)
            throws InterruptedException {
        long[] count = new long[consumers];
        long[] sum = new long[consumers];
        List<Thread> consumerThreads = new ArrayList<>();
        for (int c = 0; c < consumers; c++) {
            int me = c;
            consumerThreads.add(new Thread(() -> {
                List<Item> batch = new ArrayList<>(BATCH);
                try {
                    while (true) {
                        if (batched) {
                            // Take one (waiting if need be), then grab whatever else is queued in one locked step.
                            batch.add(queue.take());
                            queue.drainTo(batch, BATCH - 1);
                        } else {
                            batch.add(queue.take());
                        }
                        for (int i = 0; i < batch.size(); i++) {
                            Item item = batch.get(i);
                            if (item == POISON) {
                                // drainTo may have grabbed the other consumers' pills too: hand them back.
                                for (int j = i + 1; j < batch.size(); j++) {
                                    queue.put(batch.get(j));
                                }
                                return;
                            }
                            count[me]++;
                            sum[me] += item.n();
                        }
                        batch.clear();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
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
        long expectedSum = (long) producers * items * (items - 1L) / 2;
        if (total != (long) producers * items || totalSum != expectedSum) {
            throw new IllegalStateException("lost or doubled items: " + total + " of " + (long) producers * items);
        }
        return new long[] {total, nanos};
    }
}
