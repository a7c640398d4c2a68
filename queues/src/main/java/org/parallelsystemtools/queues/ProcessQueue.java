package org.parallelsystemtools.queues;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The blog's "Multiprocessing Producer Consumer": a {@code multiprocessing.Queue} between processes.
 * Three producers put names on it and six consumers, daemons that loop forever, take them. Java has
 * no queue that spans processes: this one is the parent's, and a child's stdout and stdin are its
 * pipe to it. Who gets which name, and how many before the end, vary: the block cuts those lines.
 */
public final class ProcessQueue {
    public static final List<List<String>> NAMES = List.of(
            List.of("Master Shake", "Meatwad", "Frylock", "Carl"),
            List.of("Early", "Rusty", "Sheriff", "Granny", "Lil"),
            List.of("Rick", "Morty", "Jerry", "Summer", "Beth"));

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length == 3 && args[1].equals("producer")) {
                producer(args[2].split(","));
            } else if (args.length == 2 && args[1].equals("consumer")) {
                consumer();
            } else {   // a child's role typed by hand
                System.err.println("ProcessQueue: expected no arguments (usage: ProcessQueue)");
                System.exit(2);
            }
            return;
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        List<Process> producers = NAMES.stream()
                .map(n -> Relaunch.start(ProcessQueue.class, "producer", String.join(",", n))).toList();
        producers.forEach(p -> daemon(() -> p.inputReader().lines().forEach(queue::add)));  // a line is a put
        List<Process> consumers = Stream.generate(() -> Relaunch.start(ProcessQueue.class, "consumer"))
                .limit(NAMES.size() * 2).toList();
        consumers.forEach(c -> daemon(() -> serve(c, queue)));
        producers.forEach(p -> p.onExit().join());
        System.out.println("Parent process exiting...");
        // p.daemon = True: ended as the parent exits; SIGKILL, as a JVM would run on while shutting down.
        consumers.forEach(c -> c.destroyForcibly().onExit().join());
    }

    // A child's console is stderr (the queue's pipe is its stdout); one println is one write: no Lock.
    static void producer(String[] names) {
        System.err.println("Starting producer => " + ProcessHandle.current().pid());
        for (String name : names) {
            Pace.sleep(ThreadLocalRandom.current().nextInt(11));   // random.randint(0, 10)
            System.out.println(name);         // queue.put(name)
        }
        System.err.println("Producer " + ProcessHandle.current().pid() + " exiting...");
    }

    static void consumer() throws IOException {
        System.err.println("Starting consumer => " + ProcessHandle.current().pid());
        BufferedReader queue = new BufferedReader(new InputStreamReader(System.in));
        while (true) {
            Pace.sleep(ThreadLocalRandom.current().nextInt(11));
            System.out.println("get");         // queue.get(): ask the parent for a name...
            String name = queue.readLine();    // ...and wait until it sends one
            if (name == null) {
                return;                        // the parent has gone
            }
            System.err.println(ProcessHandle.current().pid() + " got " + name);
        }
    }

    /** The parent's end of a consumer's pipes: each line the consumer writes is answered with queue.take(). */
    static void serve(Process consumer, BlockingQueue<String> queue) {
        PrintStream names = new PrintStream(consumer.getOutputStream(), true);
        try {
            while (consumer.inputReader().readLine() != null) {
                names.println(queue.take());
            }
        } catch (IOException | InterruptedException consumerEnded) {
        }
    }

    static void daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);   // the parent's ends of the pipes never keep it (or Maven) running
        thread.start();
    }
}
/* Output: (unordered; vary 18979 18990 19007 19078 19093 19097 19102 19130 19134)
Starting producer => 18979
Starting producer => 18990
Starting consumer => 19130
Starting consumer => 19078
Starting consumer => 19097
Starting producer => 19007
Starting consumer => 19134
Starting consumer => 19093
Starting consumer => 19102
19134 got Master Shake
...
Producer 18979 exiting...
Producer 18990 exiting...
Producer 19007 exiting...
Parent process exiting...
*/
