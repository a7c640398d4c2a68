package org.parallelsystemtools.queues;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Producer and consumer PROCESSES sharing one queue, like the seed's {@code multiprocessing.Queue}:
 * 3 producer processes put their lists of names, 6 consumer processes each print {@code PID got NAME}.
 *
 * <p>Java cannot fork, so every child is this same class relaunched with a role argument
 * ({@link ChildJvm}). The queue itself is an ordinary {@link BlockingQueue} owned by the parent;
 * one relay thread per child carries it across the process boundary over the child's
 * stdin/stdout pipes, one line per message (as multiprocessing.Queue is a pipe plus a thread):
 * <pre>
 *   child → parent:  put NAME   |  get             |  say TEXT (a line for the console)
 *   parent → child:               item NAME / stop
 * </pre>
 * A consumer's {@code get} is answered by {@code queue.take()} in its relay thread, so each name
 * goes to exactly one consumer. After the producers have exited the parent queues one "stop" per
 * consumer, so the program ends when every name has been consumed (the seed's consumers are
 * daemons that loop forever and die with the parent instead).
 *
 * <pre>options: --consumers 6 --scale 0.1 --seed N
 * (each process sleeps randint(0, 10) * scale seconds before each put or get, as in the seed)</pre>
 */
public final class ProcessQueue {
    static final List<List<String>> NAMES = List.of(
            List.of("Master Shake", "Meatwad", "Frylock", "Carl"),
            List.of("Early", "Rusty", "Sheriff", "Granny", "Lil"),
            List.of("Rick", "Morty", "Jerry", "Summer", "Beth"));
    private static final String CHILD = "--child";
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String STOP = new String("stop");  // a pill: recognised by identity

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(CHILD)) {
            child(args);
            return;
        }
        int code = run(args, System.out, System.err, process -> { });
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the parent; {@code started} sees every child process launched (the test checks their pids). */
    static int run(String[] args, PrintStream out, PrintStream err, Consumer<Process> started) {
        int consumers;
        double scale;
        long seed;
        try {
            Options options = new Options(args, List.of("--consumers", "--scale", "--seed"));
            consumers = options.integer("--consumers", 2 * NAMES.size(), 1, 64);
            scale = options.decimal("--scale", 0.1, 0, 10);
            seed = options.seed("--seed", System.nanoTime());
        } catch (Options.Usage e) {
            err.println("ProcessQueue: " + e.getMessage());
            return 2;
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        List<Process> all = new CopyOnWriteArrayList<>();  // also read by the shutdown hook
        List<Thread> relays = new ArrayList<>();
        // Ctrl-C runs shutdown hooks: take the children down too (they also watch this process).
        Thread killChildren = new Thread(() -> all.forEach(Process::destroyForcibly));
        Runtime.getRuntime().addShutdownHook(killChildren);
        try {
            for (int i = 0; i < NAMES.size() + consumers; i++) {   // producers first, as in the seed
                boolean producer = i < NAMES.size();
                Process p = launch(producer ? "producer" : "consumer", seed + i, scale,
                        producer ? NAMES.get(i) : List.of());
                all.add(p);
                started.accept(p);
                relays.add(relay(p, queue, out));
            }
            for (int i = 0; i < NAMES.size(); i++) {
                relays.get(i).join();         // a producer's pipe is at EOF: all its puts are queued
            }
            for (int i = 0; i < consumers; i++) {
                queue.put(STOP);              // behind every name, one per consumer
            }
            for (Thread relay : relays) {
                relay.join();
            }
            for (Process p : all) {
                if (p.waitFor() != 0) {
                    err.println("ProcessQueue: child " + p.pid() + " failed with exit code " + p.exitValue());
                    return 1;
                }
            }
            out.println("Parent process exiting...");
            return 0;
        } catch (IOException e) {
            err.println("ProcessQueue: cannot start a child JVM: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("ProcessQueue: interrupted");
            return 1;
        } finally {
            relays.forEach(Thread::interrupt);
            all.forEach(Process::destroyForcibly);
            for (Process p : all) {
                p.onExit().join();            // gone (and reaped) before we return
            }
            try {
                Runtime.getRuntime().removeShutdownHook(killChildren);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running: it does the same work
            }
        }
    }

    private static Process launch(String role, long seed, double scale, List<String> names) throws IOException {
        List<String> args = new ArrayList<>(List.of(CHILD, role, Long.toString(ProcessHandle.current().pid()),
                Long.toString(seed), Double.toString(scale)));
        args.addAll(names);
        return ChildJvm.start(ProcessQueue.class, args);
    }

    /** The parent's half of the queue for one child: reads its requests, answers consumers' gets. */
    private static Thread relay(Process child, BlockingQueue<String> queue, PrintStream out) {
        Thread relay = new Thread(() -> {
            try (BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
                 Writer toChild = new OutputStreamWriter(child.getOutputStream(), UTF_8)) {
                for (String line; (line = fromChild.readLine()) != null; ) {
                    if (line.startsWith("say ")) {
                        synchronized (out) {          // the seed's console Lock: one line at a time
                            out.println(line.substring(4));
                        }
                    } else if (line.startsWith("put ")) {
                        queue.put(line.substring(4));
                    } else if (line.equals("get")) {
                        String name = queue.take();   // blocks until a name (or a stop) is queued
                        toChild.write(name == STOP ? "stop\n" : "item " + name + "\n");
                        toChild.flush();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the child died or we are shutting down: nothing more to relay
            }
        }, "relay-" + child.pid());
        relay.setDaemon(true);  // never keeps the JVM (or Maven's exec:java) alive
        relay.start();
        return relay;
    }

    /** The child side: args are --child ROLE PARENT_PID SEED SCALE [NAMES...]. */
    private static void child(String[] args) throws Exception {
        String role = args[1];
        long parentPid = Long.parseLong(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        double scale = Double.parseDouble(args[4]);
        ChildJvm.haltWhenParentDies(parentPid);
        PrintStream toParent = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        BufferedReader fromParent = new BufferedReader(new InputStreamReader(System.in, UTF_8));
        long pid = ProcessHandle.current().pid();
        if (role.equals("producer")) {
            toParent.println("say Starting producer => " + pid);
            for (int i = 5; i < args.length; i++) {
                Thread.sleep(Math.round(random.nextInt(11) * scale * 1000));  // random.randint(0, 10)
                toParent.println("put " + args[i]);
            }
            toParent.println("say Producer " + pid + " exiting...");
        } else {
            toParent.println("say Starting consumer => " + pid);
            while (true) {
                Thread.sleep(Math.round(random.nextInt(11) * scale * 1000));
                toParent.println("get");
                String reply = fromParent.readLine();      // null: the parent is gone
                if (reply == null || !reply.startsWith("item ")) {
                    break;
                }
                toParent.println("say " + pid + " got " + reply.substring(5));
            }
            toParent.println("say Consumer " + pid + " exiting...");
        }
    }
}
