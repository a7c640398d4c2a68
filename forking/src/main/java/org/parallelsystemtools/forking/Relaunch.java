package org.parallelsystemtools.forking;

import java.io.BufferedReader;
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
        command.add("-cp");
        command.add(classPath(main));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /**
     * A builder for the child: standard output comes back to the parent through a pipe, standard
     * error goes where the parent's goes, and standard input is a pipe, so a child never takes
     * lines typed for its parent.
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
     * killing the parent (Ctrl-C under Maven, kill, a crashed test) never leaves a child behind.
     *
     * <p>The child's standard input is a pipe from its parent, who never writes to it. When the
     * parent's process ends, however it ends, the kernel closes the pipe and the read below sees
     * end-of-file. That is instant and costs nothing at start-up, unlike polling with
     * {@code ProcessHandle.parent().onExit()} (which checks about every 0.3 s for a process that
     * is not our child, and whose classes add ~20 ms to a child's start).
     */
    static void watchParent() {
        // A class, not a lambda: a JVM's first lambda costs it milliseconds of start-up.
        Thread watcher = new Thread(new ParentWatcher(), "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static final class ParentWatcher implements Runnable {
        @Override
        public void run() {
            try {
                while (System.in.read() != -1) {
                    // The parent writes nothing; anything that comes is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the same as end-of-file: the parent is gone.
            }
            Runtime.getRuntime().halt(1);
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
