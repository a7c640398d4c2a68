package org.parallelsystemtools.pools.beyond;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.parallelsystemtools.pools.Relaunch;

/**
 * The tutorial's {@code Pool(3)} as Python has it, a pool of processes: three worker JVMs
 * started once and reused for ten tasks, each printing its own pid. A task goes down an idle
 * worker's stdin; the worker's lines come back up its stdout. A worker that dies fails its task
 * and is replaced, as Python's are, until the pool is terminated: a pool being shut down (by
 * {@link #terminate}, or by Ctrl-C through a shutdown hook) replaces nobody.
 *
 * <p>The hardened variant of the book tier's {@link org.parallelsystemtools.pools.WorkerPool},
 * kept apart so that the class a book reader reads stays small: replacing dead workers, a
 * session of their own for Ctrl-C and bounded options are all here, and nothing else is shared
 * but {@link Relaunch}.
 *
 * <pre>mvn -q -pl pools compile exec:java -Dprogram=beyond.ProcessPool -Dexec.args="--crash 4"</pre>
 */
public final class ProcessPool implements AutoCloseable {

    private static final String USAGE = "ProcessPool [--tasks N] [--pool N] [--scale X] [--crash TASK]";
    private static final String RESULT = "RESULT ";

    /** One task: sleep {@code millis} (or die halfway, to show a worker crash), then answer. */
    private record Job(int taskId, long millis, boolean crash, CompletableFuture<String> result) {
    }

    private static final Job STOP = new Job(-1, 0, false, new CompletableFuture<>());

    /** A worker process and the two pipes to it. */
    private record Worker(Process process, Writer tasks, BufferedReader replies) {
    }

    private final PrintStream out;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final List<Thread> dispatchers = new ArrayList<>();
    private final Thread onShutdown = new Thread(this::terminate, "pool-terminate");
    /** Guards the fields below: no worker is started once {@code terminated} is set. */
    private final Object lock = new Object();
    private final Worker[] workers;
    private boolean closed;
    private boolean terminated;

    public static void main(String[] args) {
        if (Relaunch.isChild(args)) {
            workerMain();
            return;
        }
        Options options = new Options("ProcessPool", USAGE, args, "--tasks", "--pool", "--scale", "--crash");
        int tasks = options.whole("--tasks", 10, 1, 1000);
        int size = options.whole("--pool", 3, 1, 16);           // each worker is a whole JVM: a few at most
        double scale = options.decimal("--scale", 1, 0, 10);    // a task sleeps random() * 2 s * scale
        int crash = options.whole("--crash", -1, 0, tasks - 1);
        System.out.printf(Locale.ROOT, "%d tasks of up to %.1f s on %d worker JVMs: about %.0f s%n",
                tasks, 2 * scale, size, 1 + tasks * scale / size);
        System.out.println("Main process: pid=" + ProcessHandle.current().pid());
        Random random = new Random();
        try (ProcessPool pool = new ProcessPool(size, System.out)) {   // leaving the block: close() + join()
            for (int i = 0; i < tasks; i++) {
                pool.submit(i, Math.round(random.nextDouble() * 2000 * scale), i == crash); // apply_async
            }
            System.out.println("=== Pool started ===");
        } catch (IOException e) {
            System.err.println("ProcessPool: cannot start a worker JVM: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("=== All tasks finished ===");
    }

    /** Starts {@code size} workers now, as Pool(3) does, each served by one dispatcher thread. */
    public ProcessPool(int size, PrintStream out) throws IOException {
        this.out = out;
        workers = new Worker[size];
        try {
            for (int slot = 0; slot < size; slot++) {
                workers[slot] = launch();
            }
        } catch (IOException e) {
            terminate();
            throw e;
        }
        // Ctrl-C or kill ends this JVM without leaving the try block: end the workers here.
        Runtime.getRuntime().addShutdownHook(onShutdown);
        for (int slot = 0; slot < size; slot++) {
            int mine = slot;
            Thread dispatcher = new Thread(() -> dispatch(mine), "dispatcher-" + slot);
            dispatcher.setDaemon(true);
            dispatcher.start();
            dispatchers.add(dispatcher);
        }
    }

    /** Python's {@code apply_async}: queues the task and returns its result to come. */
    public CompletableFuture<String> submit(int taskId, long millis, boolean crash) {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("the pool is closed");
            }
        }
        Job job = new Job(taskId, millis, crash, new CompletableFuture<>());
        jobs.add(job);
        return job.result();
    }

    /** The pids of the current workers. */
    public List<Long> workerPids() {
        synchronized (lock) {
            return Stream.of(workers).filter(w -> w != null).map(w -> w.process().pid()).toList();
        }
    }

    /** Idle means blocked in take(): whichever worker is free takes the next task. */
    private void dispatch(int slot) {
        for (Job job = take(); job != STOP; job = take()) {
            Worker worker;
            synchronized (lock) {
                worker = workers[slot];
            }
            try {
                job.result().complete(runOn(worker, job));
            } catch (IOException died) { // EOF on its stdout, or a broken pipe to its stdin
                if (!replace(slot, worker, job)) {
                    return;
                }
            }
        }
    }

    /** Fails the dead worker's task and starts a new worker, unless the pool is being terminated. */
    private boolean replace(int slot, Worker dead, Job job) {
        try {
            String failed = "Task " + job.taskId() + " failed: worker pid=" + dead.process().pid()
                    + " died (exit " + dead.process().onExit().join().exitValue() + ")";
            synchronized (lock) {
                if (terminated) {
                    return false; // shutting down: the worker was ours to end, or Ctrl-C's
                }
                workers[slot] = launch();
                out.println(failed + ", replaced by pid=" + workers[slot].process().pid());
                return true;
            }
        } catch (IOException e) {
            out.println("Task " + job.taskId() + " failed, and no new worker: " + e.getMessage());
            return false;
        } finally {
            job.result().completeExceptionally(new IOException("worker pid=" + dead.process().pid()
                    + " died during task " + job.taskId()));
        }
    }

    private Job take() {
        while (true) {
            try {
                return jobs.take();
            } catch (InterruptedException e) {
                // only terminate() ends a dispatcher, with STOP
            }
        }
    }

    private String runOn(Worker worker, Job job) throws IOException {
        worker.tasks().write(job.taskId() + " " + job.millis() + (job.crash() ? " crash" : "") + "\n");
        worker.tasks().flush();
        for (String line; (line = worker.replies().readLine()) != null; ) {
            if (line.startsWith(RESULT)) {
                return line.substring(RESULT.length());
            }
            out.println(line); // what the worker printed: its stdout is our pipe, not the terminal
        }
        throw new EOFException("no result");
    }

    /**
     * Python's {@code close()} + {@code join()}: the queued tasks still run (on a new worker, if
     * one dies), then each worker sees the end of its stdin and exits. Interrupted while waiting,
     * it terminates the pool instead, and keeps the interrupt for its caller.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        dispatchers.forEach(d -> jobs.add(STOP)); // queued behind every real task
        try {
            for (Thread dispatcher : dispatchers) {
                dispatcher.join();
            }
            for (Worker worker : workers) {
                try {
                    worker.tasks().close();
                } catch (IOException alreadyDead) {
                    // nothing to tell it
                }
                worker.process().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminate(); // a worker that did not exit by itself, or an interrupted join
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /**
     * Python's {@code terminate()}: every worker killed now, the queued tasks failed, and no
     * worker started from here on, whatever dies.
     */
    public void terminate() {
        List<Process> ending = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            terminated = true;
            for (Worker worker : workers) {
                if (worker != null) {
                    ending.add(worker.process().destroyForcibly());
                }
            }
        }
        for (Job left; (left = jobs.poll()) != null; ) {
            if (left != STOP) {
                left.result().completeExceptionally(new IOException("the pool was terminated before task " + left.taskId()));
            }
        }
        dispatchers.forEach(d -> jobs.add(STOP));
        ending.forEach(process -> process.onExit().join());
    }

    /**
     * Java cannot fork: a worker is this class relaunched in a fresh JVM. It runs in a session of
     * its own (setsid), so Ctrl-C at the terminal reaches only this JVM, which ends its workers;
     * a worker killed by the same Ctrl-C could otherwise die first and be replaced.
     */
    private static Worker launch() throws IOException {
        ProcessBuilder builder = Relaunch.builder(ProcessPool.class);
        Stream.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid")).filter(Files::isExecutable).findFirst()
                .ifPresent(setsid -> builder.command().add(0, setsid.toString()));
        Process process = builder.start();
        return new Worker(process,
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** The worker: run tasks from stdin until EOF. Relaunch's watch halts it if the pool's JVM dies. */
    private static void workerMain() {
        long pid = ProcessHandle.current().pid();
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try {
            for (String line; (line = tasks.readLine()) != null; ) {
                String[] task = line.split(" ");
                long start = System.nanoTime();
                long millis = Long.parseLong(task[1]);
                replies.println("Task " + task[0] + " starting, pid=" + pid);
                if (task.length > 2) { // --crash: die halfway through, as a segfault or OOM kill would
                    Thread.sleep(millis / 2);
                    Runtime.getRuntime().halt(1);
                }
                Thread.sleep(millis);
                String took = String.format(Locale.ROOT, "%.2f", (System.nanoTime() - start) / 1e9);
                replies.println("Task " + task[0] + " done in " + took + "s");
                replies.println(RESULT + took);
            }
        } catch (IOException | InterruptedException e) {
            Runtime.getRuntime().halt(1);
        }
    }
}
