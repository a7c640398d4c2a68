package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An orphan: the parent ends while its child still runs. The child keeps printing its parent's
 * pid; once the parent is gone the kernel gives the child a new parent, and the child says which
 * (pid 1, or the nearest ancestor that registered as a "child subreaper") and then ends by itself.
 *
 * <p>The parent must really end, and under exec:java this program's own JVM is Maven's, which
 * must not. So three JVMs take part: this program starts a "parent" JVM, the parent starts the
 * child and exits, and this program only shows what both print through the one pipe they share.
 */
public final class Orphan {

    private Orphan() {
    }

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args) && args[1].equals("parent")) {
            Relaunch.watchParent();     // if this program is killed, the parent goes too
            parent(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        if (Relaunch.isChild(args) && args[1].equals("orphan")) {
            // No watchParent() here: outliving its parent is the point. It ends by itself.
            orphan(Long.parseLong(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Options: {@code --tick MS} between the child's lines (500), {@code --max MS} its longest life (10000). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int tick;
        int max;
        try {
            Args options = new Args(args, List.of("--tick", "--max"));
            tick = options.integer("--tick", 500, 1, 10_000);
            max = options.integer("--max", 10_000, 100, 600_000);
        } catch (Args.UsageException e) {
            err.println("Orphan: " + e.getMessage());
            return 2;
        }
        List<Process> pipeline;
        try {
            // A Process's output stream stops delivering once that process has ended (the JVM
            // drains what is there and closes it), yet the orphan writes on after its parent is
            // gone. So both write into a pipe read by `cat`, which ends only when every writer
            // has closed the pipe, i.e. when the parent and the orphan have both ended.
            pipeline = ProcessBuilder.startPipeline(List.of(
                    Relaunch.builder(Orphan.class, Relaunch.CHILD, "parent", Integer.toString(tick), Integer.toString(max)),
                    new ProcessBuilder("cat").redirectError(ProcessBuilder.Redirect.INHERIT)));
        } catch (IOException e) {
            err.println("Orphan: cannot start the parent: " + e.getMessage());
            return 1;
        }
        try {
            Relaunch.copyOutput(pipeline.get(1), out).join();
            for (Process p : pipeline) {
                p.waitFor();
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            pipeline.forEach(Relaunch::destroy);
        }
    }

    /** The parent: start the child, wait until it has shown its parent pid once, then end. */
    static void parent(int tick, int max) throws IOException {
        long me = ProcessHandle.current().pid();
        Process child = new ProcessBuilder(Relaunch.command(Relaunch.FAST_START, Orphan.class,
                Relaunch.CHILD, "orphan", Long.toString(me), Integer.toString(tick), Integer.toString(max)))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)   // the same pipe as ours
                .start();
        System.out.println("Parent " + me + " started child " + child.pid());
        System.out.flush();
        // The child says "ready" on its standard error, a pipe to us, after its first line.
        try (BufferedReader ready = new BufferedReader(
                new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line = ready.readLine();
            if (line == null) {
                System.out.println("Parent " + me + ": the child ended before it was ready");
            }
        }
        System.out.println("Parent " + me + " exiting");
        System.out.flush();
        // Returning ends this JVM; unlike a Python multiprocessing parent it does not wait for
        // (or kill) its children on the way out.
    }

    /** The orphan: print the parent pid every tick until it changes, say who adopted us, end. */
    static void orphan(long original, int tick, int max) throws InterruptedException {
        ProcessHandle me = ProcessHandle.current();
        long deadline = System.nanoTime() + max * 1_000_000L;
        System.out.println("Child " + me.pid() + ", Parent PID: " + parentPid());
        System.out.flush();
        System.err.println("ready");
        System.err.flush();
        long now = original;
        while (now == original && System.nanoTime() < deadline) {
            Thread.sleep(tick);
            now = parentPid();
            System.out.println("Child " + me.pid() + ", Parent PID: " + now);
            System.out.flush();
        }
        if (now == original) {
            System.out.println("Child " + me.pid() + " completed: its parent " + original
                    + " did not end within " + max + " ms");
        } else {
            String who = now == 1 ? "the init process (pid 1)" : "a child subreaper";
            System.out.println("Child " + me.pid() + " completed: re-parented from " + original + " to "
                    + now + " (" + name(now) + "), " + who);
        }
    }

    /** The parent pid now (read afresh each time from the operating system), 0 if none. */
    static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    /** A process's name: /proc/PID/comm is readable for anyone's process, info() may not be. */
    static String name(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("name unknown");
        }
    }
}
