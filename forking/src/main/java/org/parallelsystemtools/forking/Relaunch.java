package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's stand-in for {@code os.fork()}: start a fresh JVM that runs the same class again,
 * with a role argument telling it to act as the child.
 *
 * <p>A JVM cannot fork itself (its threads, JIT and garbage collector would not survive the
 * copy), so every "child" here is a new process that begins at {@code main} with empty memory.
 * Python's own {@code multiprocessing} does the same with its {@code spawn} start method.
 */
final class Relaunch {

    /** The role argument: {@code java ... SomeProgram --relaunched-child ...} runs the child's part. */
    static final String CHILD = "--relaunched-child";

    /**
     * Flags that make a short-lived child JVM start fast (measured with SpawnRate, see README):
     * stop the JIT at its quick first tier, skip the hsperfdata file, keep the class-data-sharing
     * archive on (without it a JVM starts about twice as slowly), reserve small stacks and heap.
     * -XX:+UseSerialGC measured slower on JDK 17: its CDS archive maps pre-built heap objects
     * (the module graph) only for the default G1 collector.
     */
    static final List<String> FAST_START = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xss512k", "-Xmx64m");

    /** The system property through which a child learns its parent's pid. */
    private static final String PARENT_PROPERTY = "forking.parent";

    private Relaunch() {
    }

    /** True if these command-line arguments ask for the child's role. */
    static boolean isChild(String[] args) {
        return args.length > 0 && CHILD.equals(args[0]);
    }

    /** The command that runs {@code main} in a new JVM: same java binary, this module's classes. */
    static List<String> command(List<String> jvmFlags, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmFlags);
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.add("-cp");
        command.add(classPath(main));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A builder for the child: standard output comes back to the parent through a pipe, standard
     * error goes where the parent's goes, and standard input is a pipe nobody writes to, so a
     * child never takes lines typed for its parent.
     */
    static ProcessBuilder builder(Class<?> main, String... args) {
        return new ProcessBuilder(command(FAST_START, main, args))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Starts {@code main} in a child JVM with the role argument and {@code args}. */
    static Process startChild(Class<?> main, String... args) {
        List<String> all = new ArrayList<>();
        all.add(CHILD);
        all.addAll(List.of(args));
        try {
            return builder(main, all.toArray(new String[0])).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
        }
    }

    /**
     * Called first thing in a child: end this JVM as soon as the parent process ends, so that
     * killing the parent (Ctrl-C under Maven, kill -9, a crashed test) never leaves a child behind.
     *
     * <p>When a parent ends, the kernel gives its children a new parent (see Orphan). So a daemon
     * thread reads this process's parent pid from /proc/self/stat every 50 ms and halts the JVM
     * once it is no longer the pid the parent passed in. The thread sleeps between looks; a thread
     * blocked in a read (of a pipe from the parent, say) would delay every JVM exit by 0.3 s,
     * because the JVM waits that long for threads still inside native code before it exits.
     * Without /proc it falls back on {@code ProcessHandle.parent().onExit()}, which polls too.
     */
    static void watchParent() {
        long expected = Long.getLong(PARENT_PROPERTY, -1);
        long parent = parentPid();
        if (parent == -1) {
            ProcessHandle.current().parent().ifPresentOrElse(
                    p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
                    () -> Runtime.getRuntime().halt(1));
            return;
        }
        if (expected != -1 && parent != expected) {
            Runtime.getRuntime().halt(1);   // the parent ended before this child even started
        }
        // A class, not a lambda: a JVM's first lambda costs it milliseconds of start-up.
        Thread watcher = new Thread(new ParentWatcher(parent), "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static final class ParentWatcher implements Runnable {
        private final long parent;

        ParentWatcher(long parent) {
            this.parent = parent;
        }

        @Override
        public void run() {
            while (parentPid() == parent) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(1);
        }
    }

    /**
     * This process's parent pid, read from /proc/self/stat ("PID (NAME) STATE PPID ..."), or -1
     * without /proc. Plain java.io: it is already loaded when a JVM starts, so it costs a child
     * almost nothing, while ProcessHandle's first use costs ~20 ms of start-up.
     */
    static long parentPid() {
        try (FileInputStream in = new FileInputStream("/proc/self/stat")) {
            byte[] bytes = new byte[1024];
            int n = in.read(bytes);
            String stat = new String(bytes, 0, Math.max(n, 0), StandardCharsets.US_ASCII);
            int state = stat.lastIndexOf(')') + 2;      // NAME may hold spaces and ')'
            int ppid = stat.indexOf(' ', state) + 1;
            return Long.parseLong(stat.substring(ppid, stat.indexOf(' ', ppid)));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Copies a child's output lines to {@code out} on a daemon thread; join it to wait for EOF. */
    static Thread copyOutput(Process child, PrintStream out) {
        Thread copier = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // The pipe broke because the child was destroyed: nothing more to copy.
            }
        }, "copy-" + child.pid());
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    /** Ends a child (and anything it started) if it is still running, and waits for it. */
    static void destroy(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The java binary running this JVM (falls back to java.home when the OS will not say). */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Where this module's classes are: under exec:java, java.class.path is Maven's launcher,
     * so the classpath is taken from the class's own code source instead.
     */
    static String classPath(Class<?> main) {
        try {
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + main.getName(), e);
        }
    }
}
