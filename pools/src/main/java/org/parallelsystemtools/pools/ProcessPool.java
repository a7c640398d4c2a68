package org.parallelsystemtools.pools;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * 004's process {@code Pool(3)} for real: three worker JVMs started once and reused for ten tasks.
 * A task goes down an idle worker's stdin; the worker's lines come back up its stdout. A worker
 * that dies fails its task and is replaced; closing the pool ends every worker.
 *
 * <pre>mvn -pl pools compile exec:java -Dexec.mainClass=org.parallelsystemtools.pools.ProcessPool -Dexec.args="--crash 4"</pre>
 */
public final class ProcessPool implements AutoCloseable {

    private static final String WORKER_ROLE = "--worker";
    private static final String RESULT = "RESULT ";

    /** One task: sleep {@code millis} (or die halfway, to show a worker crash), then answer. */
    record Job(int taskId, long millis, boolean crash, CompletableFuture<String> result) {
    }

    private static final Job STOP = new Job(-1, 0, false, new CompletableFuture<>());

    /** A worker process and the two pipes to it. */
    private record Worker(Process process, Writer tasks, BufferedReader replies) {
    }

    private final PrintStream out;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final AtomicReferenceArray<Worker> workers;
    private final List<Thread> dispatchers = new ArrayList<>();
    private volatile boolean closed;

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(WORKER_ROLE)) {
            workerMain();
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Tasks.Plan plan;
        int crash;
        try {
            Options options = new Options(args, "--tasks", "--pool", "--scale", "--seed", "--crash");
            plan = Tasks.Plan.from(options);
            crash = options.count("--crash", -1, 0);
        } catch (Options.UsageError e) {
            err.println("ProcessPool: " + e.getMessage());
            return 2;
        }
        out.println("Main process: pid=" + ProcessHandle.current().pid());
        try (ProcessPool pool = new ProcessPool(plan.poolSize(), out)) { // leaving the block: close() + join()
            for (int i = 0; i < plan.tasks(); i++) {
                pool.submit(i, plan.sleeps()[i], i == crash); // apply_async
            }
            out.println("=== Pool started ===");
        } catch (IOException e) {
            err.println("ProcessPool: cannot start a worker: " + e.getMessage());
            return 1;
        }
        out.println("=== All tasks finished ===");
        return 0;
    }

    /** Starts {@code size} workers now, as Pool(3) does, each served by one dispatcher thread. */
    ProcessPool(int size, PrintStream out) throws IOException {
        this.out = out;
        workers = new AtomicReferenceArray<>(size);
        try {
            for (int slot = 0; slot < size; slot++) {
                workers.set(slot, launch());
            }
        } catch (IOException e) {
            workerPids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            throw e;
        }
        for (int slot = 0; slot < size; slot++) {
            int mine = slot;
            Thread dispatcher = new Thread(() -> dispatch(mine), "dispatcher-" + slot);
            dispatcher.setDaemon(true);
            dispatcher.start();
            dispatchers.add(dispatcher);
        }
    }

    CompletableFuture<String> submit(int taskId, long millis, boolean crash) {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        Job job = new Job(taskId, millis, crash, new CompletableFuture<>());
        jobs.add(job);
        return job.result();
    }

    List<Long> workerPids() {
        List<Long> pids = new ArrayList<>();
        for (int slot = 0; slot < workers.length(); slot++) {
            Worker worker = workers.get(slot);
            if (worker != null) {
                pids.add(worker.process().pid());
            }
        }
        return pids;
    }

    /** Idle means blocked in take(): whichever worker is free takes the next task. */
    private void dispatch(int slot) {
        try {
            for (Job job = jobs.take(); job != STOP; job = jobs.take()) {
                Worker worker = workers.get(slot);
                try {
                    job.result().complete(runOn(worker, job));
                } catch (IOException died) { // EOF on its stdout, or a broken pipe to its stdin
                    try { // report and replace first, so whoever waits on the task sees the new worker
                        int exit = worker.process().waitFor();
                        Worker fresh = launch();
                        out.println("Task " + job.taskId() + " failed: worker pid=" + worker.process().pid()
                                + " died (exit " + exit + "), replaced by pid=" + fresh.process().pid());
                        workers.set(slot, fresh);
                    } finally {
                        job.result().completeExceptionally(new IOException("worker pid=" + worker.process().pid()
                                + " died during task " + job.taskId(), died));
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            out.println("Dispatcher " + slot + " stopped: " + e);
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

    /** Python's close() + join(): queued tasks still run, then each worker sees EOF and exits. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        dispatchers.forEach(d -> jobs.add(STOP)); // queued behind every real task
        try {
            for (Thread dispatcher : dispatchers) {
                dispatcher.join();
            }
            for (int slot = 0; slot < workers.length(); slot++) {
                Worker worker = workers.get(slot);
                try {
                    worker.tasks().close();
                } catch (IOException alreadyDead) {
                    // nothing to tell it
                }
                worker.process().waitFor(5, TimeUnit.SECONDS);
            }
        } finally { // interrupted, or a worker that would not go: terminate() it
            for (int slot = 0; slot < workers.length(); slot++) {
                workers.get(slot).process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Java cannot fork: a worker is this class relaunched in a fresh JVM with the worker role. */
    private static Worker launch() throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath;
        try { // under mvn exec:java, java.class.path is Maven's; our classes are where this one is
            classpath = Path.of(ProcessPool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate my own classes", e);
        }
        Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-UsePerfData", "-Xmx64m", "-cp", classpath, ProcessPool.class.getName(), WORKER_ROLE)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new Worker(process,
                new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    }

    /** The worker: run tasks from stdin until EOF; halt at once if the pool's JVM goes away. */
    private static void workerMain() throws IOException, InterruptedException {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        long pid = ProcessHandle.current().pid();
        BufferedReader tasks = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream replies = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
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
            String took = Tasks.secondsSince(start);
            replies.println("Task " + task[0] + " done in " + took + "s");
            replies.println(RESULT + took);
        }
    }
}
