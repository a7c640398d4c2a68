package org.parallelsystemtools.pools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Java's stand-in for Python's {@code multiprocessing.Pool}: worker processes started once and
 * reused, each taking the next task as soon as it is free. Python has this built in; the JDK
 * does not, so here it is, small, beside {@link Relaunch}.
 *
 * <p>What Python does for you, and this class does by hand:
 * <ul>
 * <li>Each worker is the program itself, started again with {@link Relaunch}, as every child
 *     in this companion is: its {@code main} sees it is a child and calls {@link #serve}, a loop
 *     that reads a task from its stdin, runs it, and writes the result to its stdout.</li>
 * <li>Python pickles a function by its module and name, and its arguments by value. Java
 *     serializes a lambda or method reference whose type is {@link Serializable} the same way:
 *     the class and method it names, and the values it captured. So {@code () -> worker(i)}
 *     reaches the worker as "PoolAsync's lambda, with i = 3", and the worker, which has the
 *     same classes, runs it there. Arguments and results must be serializable.</li>
 * <li>A Python worker prints straight to the terminal. Here the worker's stdout is the pipe
 *     that carries results, so what a task prints travels up it too, and the pool prints it.</li>
 * <li>A callback runs in the main process, on the thread that received the result, as
 *     Python's runs on its pool's result-handler thread.</li>
 * </ul>
 * Not here (see {@code beyond.ProcessPool}): a worker that dies is not replaced, and Ctrl-C is
 * left to the parent watch every {@link Relaunch} child has.
 */
public final class WorkerPool {

    /** A task that returns a value: a serializable lambda or method reference. */
    @FunctionalInterface
    public interface Task<R> extends Serializable {
        R call() throws Exception;
    }

    /** A task that returns nothing, as a Python function without {@code return}. */
    @FunctionalInterface
    public interface Job extends Serializable {
        void run() throws Exception;
    }

    /** A function of one argument, for {@link #map}. */
    @FunctionalInterface
    public interface Function<A, R> extends Serializable {
        R apply(A item) throws Exception;
    }

    private record Order(Task<?> task, CompletableFuture<Object> result) {
    }

    /** What a task printed, on its way to the terminal. */
    private record Printed(String text) implements Serializable {
    }

    /** A task's result, or what it threw. */
    private record Done(Object value, Throwable error) implements Serializable {
    }

    private static final Order STOP = new Order(null, null);

    /**
     * Fair: the worker that has waited longest takes the next task, so a run of {@code apply}
     * calls goes round the workers in turn, as Python's does. (A fair queue needs a bound.)
     */
    private final BlockingQueue<Order> orders = new ArrayBlockingQueue<>(10_000, true);
    private final List<Process> workers = new ArrayList<>();
    private final List<Thread> handlers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * Python's {@code Pool(processes)}, whose workers are {@code program} relaunched; its
     * {@code main} must begin {@code if (Relaunch.isChild(args)) { WorkerPool.serve(); return; }}.
     * A forked Python worker is ready at once; a JVM takes a moment, so this waits until every
     * worker is running, and the tasks' timings are the book's.
     */
    public WorkerPool(Class<?> program, int processes) throws IOException {
        for (int i = 0; i < processes; i++) {
            workers.add(Relaunch.start(program));
        }
        for (Process worker : workers) {
            ObjectOutputStream tasks = new ObjectOutputStream(worker.getOutputStream());
            tasks.flush();
            ObjectInputStream replies = new ObjectInputStream(worker.getInputStream()); // its first bytes
            // Daemons, as Python's pool threads are: a script may end without close().
            Thread handler = new Thread(() -> serve(tasks, replies), "pool-worker-" + worker.pid());
            handler.setDaemon(true);
            handlers.add(handler);
        }
        handlers.forEach(Thread::start);
    }

    /** Python's {@code apply_async(f, args)}: queues the task and returns at once. */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> applyAsync(Task<R> task) {
        if (closed) {
            throw new IllegalStateException("Pool not running");
        }
        CompletableFuture<Object> result = new CompletableFuture<>();
        orders.add(new Order(task, result));
        return result.thenApply(value -> (R) value);
    }

    public CompletableFuture<Void> applyAsync(Job job) {
        return applyAsync((Task<Void>) () -> {
            job.run();
            return null;
        });
    }

    /** {@code apply_async(f, callback=cb)}: the future is done once the callback has run. */
    public <R> CompletableFuture<Void> applyAsync(Task<R> task, Consumer<R> callback) {
        return applyAsync(task).thenAccept(callback);
    }

    /** Python's {@code apply(f, args)}: waits for the result. */
    public <R> R apply(Task<R> task) throws InterruptedException, ExecutionException {
        return applyAsync(task).get();
    }

    public void apply(Job job) throws InterruptedException, ExecutionException {
        applyAsync(job).get();
    }

    /** Python's {@code map(f, items)}: the results in the items' order, whoever finished first. */
    public <A, R> List<R> map(Function<A, R> function, List<A> items) throws InterruptedException, ExecutionException {
        List<CompletableFuture<R>> futures = new ArrayList<>();
        for (A item : items) {
            futures.add(applyAsync(() -> function.apply(item)));
        }
        List<R> results = new ArrayList<>();
        for (CompletableFuture<R> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    /** Python's {@code close()}: no new tasks; each worker exits once the queue is empty. */
    public void close() {
        closed = true;
        handlers.forEach(handler -> orders.add(STOP));
    }

    /** Python's {@code terminate()}: every worker killed now; queued tasks never start. */
    public void terminate() {
        closed = true;
        workers.forEach(Process::destroyForcibly);
        for (Order left; (left = orders.poll()) != null; ) {
            if (left != STOP) {
                left.result().completeExceptionally(new IllegalStateException("the pool was terminated"));
            }
        }
        handlers.forEach(handler -> orders.add(STOP));
    }

    /** Python's {@code join()}: waits for every worker to exit, after close() or terminate(). */
    public void join() throws InterruptedException {
        for (Thread handler : handlers) {
            handler.join();
        }
        for (Process worker : workers) {
            worker.waitFor();
        }
    }

    /** In the main process, one thread per worker: hand it a task, print what it prints, take the result. */
    private void serve(ObjectOutputStream tasks, ObjectInputStream replies) {
        Order order = null;
        try (tasks; replies) { // closing the worker's stdin is what tells it to exit
            while ((order = orders.take()) != STOP) {
                tasks.writeObject(order.task());
                tasks.flush();
                tasks.reset();
                Object reply;
                while ((reply = replies.readObject()) instanceof Printed printed) {
                    System.out.print(printed.text());
                }
                Done done = (Done) reply;
                if (done.error() == null) {
                    order.result().complete(done.value());
                } else {
                    order.result().completeExceptionally(done.error());
                }
            }
        } catch (IOException | ClassNotFoundException | InterruptedException died) { // terminate() killed it
            if (order != null && order != STOP) {
                order.result().completeExceptionally(died);
            }
        }
    }

    /** The worker: run tasks from stdin until it closes. Relaunch's watch ends it if the pool's JVM dies. */
    public static void serve() throws IOException, ClassNotFoundException {
        String program = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass().getSimpleName();
        warmUp();
        ObjectInputStream tasks;
        try {   // the pool's stream header first: typed by hand ("PoolAsync child"), none comes
            tasks = new ObjectInputStream(new FileInputStream(FileDescriptor.in));
        } catch (StreamCorruptedException | EOFException typed) {
            System.err.println(program + ": its workers take their tasks from the pool that started them (usage: " + program + ")");
            System.exit(2);
            return;
        }
        ObjectOutputStream toPool = new ObjectOutputStream(new FileOutputStream(FileDescriptor.out));
        toPool.flush(); // the pool waits for these first bytes: this worker is running
        System.setOut(new PrintStream(new ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {   // println flushes: one line, one message
                if (size() > 0) {
                    send(toPool, new Printed(toString(StandardCharsets.UTF_8)));
                    reset();
                }
            }
        }, true, StandardCharsets.UTF_8));
        while (true) {
            Task<?> task;
            try {
                task = (Task<?>) tasks.readObject();
            } catch (EOFException closed) {
                return;
            }
            Done done;
            try {
                done = new Done(task.call(), null);
            } catch (Exception e) {
                done = new Done(null, e);
            }
            System.out.flush();
            send(toPool, done);
        }
    }

    /**
     * A JVM's first lambda and first serialized record take it a moment that a forked Python
     * worker never spends. Spend it here, before the pool counts this worker as running, so the
     * first task starts as soon as it is handed over.
     */
    private static void warmUp() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject((Task<String>) () -> "ready");
            out.writeObject(new Printed("ready"));
            out.writeObject(new Done("ready", null));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            for (int i = 0; i < 3; i++) {
                in.readObject();
            }
        }
    }

    private static void send(ObjectOutputStream toPool, Object message) {
        synchronized (toPool) {
            try {
                toPool.writeObject(message);
                toPool.flush();
                toPool.reset();
            } catch (IOException poolGone) {
                Runtime.getRuntime().halt(1);
            }
        }
    }
}
