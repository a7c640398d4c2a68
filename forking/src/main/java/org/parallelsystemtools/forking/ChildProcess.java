package org.parallelsystemtools.forking;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Java's counterpart of Python's {@code multiprocessing.Process}: a child JVM with a name and a
 * pid, which can be started, joined (with or without a timeout), asked whether it is alive,
 * terminated, and asked for its exit code.
 *
 * <p>Python pickles the Process object, target function included, and unpickles it in the child.
 * Java cannot send code to another JVM, only names and strings. So the work is always a subclass
 * that overrides {@link #run}: the child JVM is told the subclass's name and the string
 * arguments, creates an instance with the no-argument constructor, and calls {@code run}.
 */
public abstract class ChildProcess {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String name;
    private final String[] args;
    private Process process;
    private Thread output;

    /** {@code name} null gives Python's default name, Process-N; {@code args} go to the child. */
    protected ChildProcess(String name, String... args) {
        this.name = name != null ? name : "Process-" + COUNT.incrementAndGet();
        this.args = args.clone();
    }

    /** The child's work. It runs in the child JVM, never in the parent. */
    protected abstract void run(String name, String[] args) throws Exception;

    /** Starts the child JVM; its output lines are copied to {@code out}. */
    public final ChildProcess start(PrintStream out) {
        List<String> childArgs = new ArrayList<>(List.of(getClass().getName(), name));
        childArgs.addAll(List.of(args));
        process = Relaunch.startChild(ChildProcess.class, childArgs.toArray(new String[0]));
        output = Relaunch.copyOutput(process, out);
        return this;
    }

    /** Waits until the child has ended and all its output is copied. */
    public final void join() throws InterruptedException {
        process.waitFor();
        output.join();
    }

    /** Waits at most {@code timeout}; like Python's join(timeout), the caller checks isAlive(). */
    public final void join(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            output.join();
        }
    }

    public final boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM, as Python's terminate() does. Through the ProcessHandle, because
     * Process.destroy() would also close the pipe the child's last lines are still coming through.
     */
    public final void terminate() {
        process.toHandle().destroy();
    }

    /** Ends the child at once if it still runs (for finally blocks). */
    public final void kill() {
        if (process != null) {
            Relaunch.destroy(process);
        }
    }

    public final String name() {
        return name;
    }

    public final long pid() {
        return process.pid();
    }

    /** Null while running (Python's None); else the exit code, 128 + N after signal N. */
    public final Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** The child's entry point: {@code --relaunched-child CLASS NAME ARGS...}. */
    public static void main(String[] args) throws Exception {
        if (!Relaunch.isChild(args) || args.length < 3) {
            System.err.println("ChildProcess is started by ChildProcess.start(), not by hand");
            System.exit(2);
        }
        Relaunch.watchParent();
        Constructor<? extends ChildProcess> make =
                Class.forName(args[1]).asSubclass(ChildProcess.class).getDeclaredConstructor();
        make.setAccessible(true);
        make.newInstance().run(args[2], Arrays.copyOfRange(args, 3, args.length));
    }
}
