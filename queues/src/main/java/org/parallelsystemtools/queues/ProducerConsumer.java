package org.parallelsystemtools.queues;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The tutorial's producer-consumer {@code multiprocessing.Queue} example: a producer process puts
 * A, B and C and ends; only then does a consumer process start and take values until the queue is
 * empty. The queue outlives the process that filled it.
 *
 * <p>Java has no queue shared between processes: the queue is the parent's, filled from the
 * producer's stdout and handed to the consumer on its stdin; the children's console is stderr.
 */
public final class ProducerConsumer {
    static final Random random = new Random();

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length == 2 && args[1].equals("producer")) {
                producer();
            } else if (args.length == 2 && args[1].equals("consumer")) {
                consumer();
            } else {   // a child's role typed by hand
                System.err.println("ProducerConsumer: expected no arguments (usage: ProducerConsumer)");
                System.exit(2);
            }
            return;
        }
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Process producerProcess = Relaunch.start(ProducerConsumer.class, "producer");
        producerProcess.inputReader().lines().forEach(q::add);   // until the producer ends its pipe
        producerProcess.waitFor();

        Process consumerProcess = Relaunch.start(ProducerConsumer.class, "consumer");
        try (PrintStream toConsumer = new PrintStream(consumerProcess.getOutputStream(), true)) {
            q.forEach(toConsumer::println);
        }
        consumerProcess.waitFor();
        System.out.println("All data produced and consumed");
    }

    static void producer() {
        for (String value : List.of("A", "B", "C")) {
            System.err.println("Producing: " + value);
            System.out.println(value);                 // q.put(value)
            Pace.sleep(random.nextDouble());          // random.random()
        }
    }

    static void consumer() throws Exception {
        BufferedReader q = new BufferedReader(new InputStreamReader(System.in));
        // "if not q.empty(): q.get()": nothing more is ever put, so empty is the end of the pipe.
        for (String value; (value = q.readLine()) != null; ) {
            System.err.println("Consumed: " + value);
            Pace.sleep(random.nextDouble());
        }
    }
}
/* Output:
Producing: A
Producing: B
Producing: C
Consumed: A
Consumed: B
Consumed: C
All data produced and consumed
*/
