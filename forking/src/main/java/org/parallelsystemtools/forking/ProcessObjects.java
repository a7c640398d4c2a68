package org.parallelsystemtools.forking;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * The {@code multiprocessing.Process} API, done with {@link ChildProcess}: start and join a
 * child; terminate one that loops; two named workers checked with isAlive, name and pid, one
 * joined with a timeout; and a worker written as its own class. Each child is a real JVM.
 *
 * <p>The seed's sleeps are in seconds; {@code --second MS} sets how long a "second" is (1000),
 * so a test can run the whole tour in a fraction of the time.
 */
public final class ProcessObjects {

    private ProcessObjects() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int second;
        try {
            second = new Args(args, List.of("--second")).integer("--second", 1000, 1, 10_000);
        } catch (Args.UsageException e) {
            err.println("ProcessObjects: " + e.getMessage());
            return 2;
        }
        long me = ProcessHandle.current().pid();
        String unit = Integer.toString(second);
        ChildProcess task = new RunTask("test", unit);
        ChildProcess looper = new RunTask("test", unit, "18", "m=20");
        ChildProcess p1 = new Worker(null, unit, "1", "2");
        ChildProcess p2 = new Worker("WorkerTwo", unit, "2", "1");
        ChildProcess custom = new CustomProcess(unit, "2");
        try {
            out.println("Parent process: " + me);
            out.println("Child process starting");
            task.start(out).join();
            out.println("Child process finished");

            out.println("Child process starting");
            looper.start(out);
            Thread.sleep(second);
            looper.terminate();     // SIGTERM
            looper.join();
            int code = looper.exitCode();   // 128 + 15 for SIGTERM; Python shows -15
            out.println("Child process terminated, exitcode=" + code
                    + (code > 128 ? " (ended by signal " + (code - 128) + ")" : ""));

            out.println("Main process ID: " + me);
            p1.start(out);
            p2.start(out);
            out.println("p2 running: " + p2.isAlive());
            out.println("p1.name=" + p1.name() + ", p1.pid=" + p1.pid());
            out.println("p2.name=" + p2.name() + ", p2.pid=" + p2.pid());
            p1.join(Duration.ofMillis(second / 2));
            out.println("p1 after join(0.5 s): still running: " + p1.isAlive() + ", exitcode=" + p1.exitCode());
            p1.join();
            out.println("p1 still running: " + p1.isAlive() + ", exitcode=" + p1.exitCode());
            p2.join();

            long start = System.nanoTime();
            out.println("Main process: " + me);
            custom.start(out).join();
            out.printf("Total time: %.2fs%n", (System.nanoTime() - start) / 1e9);
            return 0;
        } finally {
            for (ChildProcess p : List.of(task, looper, p1, p2, custom)) {
                p.kill();
            }
        }
    }

    private static long ownPid() {
        return ProcessHandle.current().pid();
    }

    private static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    /** The seed's run_task: once with a name; with age and extras it loops until terminated. */
    static final class RunTask extends ChildProcess {
        RunTask() {
            super("child");
        }

        RunTask(String who, String... rest) {
            super(null, prepend(who, rest));
        }

        @Override
        protected void run(String name, String[] args) throws InterruptedException {
            if (args.length == 2) {
                System.out.println("Child process running: name=" + args[0] + ", pid=" + ownPid());
                return;
            }
            int second = Integer.parseInt(args[1]);
            for (int i = 0; i < 10; i++) {
                System.out.println("Child running: name=" + args[0] + ", age=" + args[2] + ", pid=" + ownPid());
                System.out.println("Extra args: {" + args[3] + "}");
                Thread.sleep(second / 2);
            }
        }
    }

    /** The seed's worker_one and worker_two: sleep the given number of "seconds". */
    static final class Worker extends ChildProcess {
        Worker() {
            super("child");
        }

        Worker(String name, String second, String number, String interval) {
            super(name, second, number, interval);
        }

        @Override
        protected void run(String name, String[] args) throws InterruptedException {
            System.out.println("Worker " + args[1] + " - Parent: " + parentPid() + ", Current: " + ownPid());
            long start = System.nanoTime();
            Thread.sleep(Integer.parseInt(args[0]) * Long.parseLong(args[2]));
            System.out.printf("Worker %s completed in %.2f seconds%n", args[1], (System.nanoTime() - start) / 1e9);
        }
    }

    /** The seed's CustomProcess: a worker defined as its own class, with its own run(). */
    static final class CustomProcess extends ChildProcess {
        CustomProcess() {
            super("child");
        }

        CustomProcess(String second, String interval) {
            super(null, second, interval);
        }

        @Override
        protected void run(String name, String[] args) throws InterruptedException {
            System.out.println("Child " + ownPid() + " starting, parent: " + parentPid());
            long start = System.nanoTime();
            Thread.sleep(Integer.parseInt(args[0]) * Long.parseLong(args[1]));
            System.out.printf("%d finished in %.2fs%n", ownPid(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
