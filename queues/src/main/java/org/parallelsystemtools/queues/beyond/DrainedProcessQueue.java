package org.parallelsystemtools.queues.beyond;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import org.parallelsystemtools.queues.Pace;
import org.parallelsystemtools.queues.ProcessQueue;
import org.parallelsystemtools.queues.Relaunch;

/**
 * {@link ProcessQueue} without the loss: the blog's three producer processes and their consumers,
 * but nothing is still queued when the program ends. After the producers have ended, the parent
 * queues one "stop" per consumer behind the last name; a consumer told to stop finds its input
 * closed and exits by itself, so the parent waits for consumers instead of killing daemons, and
 * every name is taken exactly once.
 *
 * <p>The stop is {@code Optional.empty()}, not a special name: no name can be mistaken for it.
 */
public final class DrainedProcessQueue {
    static final String USAGE = "DrainedProcessQueue [--consumers N] [--max-wait SECONDS]";

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            // The roles are the parent's words to its children; typed by hand they get the usage line.
            boolean producer = args.length == 4 && args[1].equals("producer");
            if (!(producer || args.length == 3 && args[1].equals("consumer")) || !args[2].matches("10|\\d")) {
                new Options("DrainedProcessQueue", USAGE, new String[0]).fail("a child role is started by the"
                        + " program itself, not typed ('" + String.join(" ", args) + "')");
            }
            int maxWait = Integer.parseInt(args[2]);
            if (producer) {
                producer(maxWait, args[3].split(","));
            } else {
                consumer(maxWait);
            }
            return;
        }
        Options options = new Options("DrainedProcessQueue", USAGE, args, "--consumers", "--max-wait");
        options.positional(0);
        int consumerCount = options.whole("--consumers", 6, 1, 16);
        int maxWait = options.whole("--max-wait", 10, 0, 10);
        // The longest producer puts 5 names after 0..maxWait s each; the consumers then drain the rest.
        System.out.printf("%d names, %d producer and %d consumer processes, each waiting 0 to %d s before"
                + " every put or get: this takes about %d s, at most about %d s%n",
                ProcessQueue.NAMES.stream().mapToInt(List::size).sum(), ProcessQueue.NAMES.size(),
                consumerCount, maxWait, 3 * maxWait + 1, 7 * maxWait + 2);

        BlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
        List<Process> producers = new ArrayList<>();
        List<Thread> feeders = new ArrayList<>();
        for (List<String> names : ProcessQueue.NAMES) {
            Process p = Relaunch.start(DrainedProcessQueue.class, "producer", Integer.toString(maxWait),
                    String.join(",", names));
            producers.add(p);
            feeders.add(daemon(() -> p.inputReader().lines().forEach(name -> queue.add(Optional.of(name)))));
        }
        List<Process> consumers = new ArrayList<>();
        for (int i = 0; i < consumerCount; i++) {
            Process c = Relaunch.start(DrainedProcessQueue.class, "consumer", Integer.toString(maxWait));
            consumers.add(c);
            daemon(() -> serve(c, queue));
        }
        for (Thread feeder : feeders) {
            feeder.join();   // a producer's pipe is at its end: every name it put is queued
        }
        for (int i = 0; i < consumerCount; i++) {
            queue.add(Optional.empty());   // behind every name (the queue is FIFO), one per consumer
        }
        for (Process p : producers) {
            p.waitFor();
        }
        int failed = 0;
        for (Process c : consumers) {
            failed += c.waitFor() == 0 ? 0 : 1;
        }
        if (failed > 0) {
            System.err.println("DrainedProcessQueue: " + failed + " consumer(s) failed");
            System.exit(1);
        }
        System.out.println("Parent process exiting...");
    }

    static void producer(int maxWait, String[] names) {
        System.err.println("Starting producer => " + ProcessHandle.current().pid());
        for (String name : names) {
            Pace.sleep(ThreadLocalRandom.current().nextInt(maxWait + 1));
            System.out.println(name);
        }
        System.err.println("Producer " + ProcessHandle.current().pid() + " exiting...");
    }

    static void consumer(int maxWait) throws IOException {
        long pid = ProcessHandle.current().pid();
        System.err.println("Starting consumer => " + pid);
        BufferedReader queue = new BufferedReader(new InputStreamReader(System.in));
        while (true) {
            Pace.sleep(ThreadLocalRandom.current().nextInt(maxWait + 1));
            System.out.println("get");
            String name = queue.readLine();
            if (name == null) {   // told to stop (or the parent has gone)
                System.err.println("Consumer " + pid + " exiting...");
                return;
            }
            System.err.println(pid + " got " + name);
        }
    }

    /** Answers each of a consumer's gets with the next name; a stop closes its input. */
    static void serve(Process consumer, BlockingQueue<Optional<String>> queue) {
        BufferedReader asks = consumer.inputReader();
        PrintStream names = new PrintStream(consumer.getOutputStream(), true);
        try {
            while (asks.readLine() != null) {
                Optional<String> name = queue.take();
                if (name.isEmpty()) {
                    names.close();
                    return;
                }
                names.println(name.get());
            }
        } catch (IOException | InterruptedException e) {
            // the consumer has ended
        }
    }

    static Thread daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
