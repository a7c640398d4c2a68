package org.parallelsystemtools.pools;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Java's stand-in for {@code os.fork()}: a new JVM that runs a class's {@code main} again, with
 * {@link #CHILD} as its first argument, so the program knows to play the child.
 *
 * <p>A JVM cannot fork itself (its threads, JIT and garbage collector would not survive the
 * copy), so a "child" here is a fresh process that starts at {@code main} with empty memory —
 * what Python's {@code multiprocessing} does with its {@code spawn} start method. It is still a
 * real process with its own pid. Its standard output is a pipe to the parent unless the program
 * says otherwise ({@code inheritIO()}); its standard error is the parent's.
 *
 * <p>A child started by {@link #builder} ends by itself when its parent ends, however the parent
 * ends (Ctrl-C, {@code kill -9}, a crashed test): {@link #isChild} starts a watch for that.
 */
public final class Relaunch {

    /** The first argument of every relaunched child. */
    public static final String CHILD = "child";

    /**
     * The flags every child JVM gets: a short-lived JVM starts faster with only the JIT's quick
     * first tier and without the hsperfdata file that {@code jps} reads.
     */
    public static final List<String> JVM_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /** Through this property a watched child learns which pid its parent must have. */
    private static final String PARENT = "relaunch.parent";

    private Relaunch() {
    }

    /**
     * True in a child this class started ({@code args[0]} is {@link #CHILD}). In a watched child
     * it also starts the parent watch, so call it first thing in {@code main}.
     */
    public static boolean isChild(String[] args) {
        if (args.length == 0 || !CHILD.equals(args[0])) {
            return false;
        }
        long expected = Long.getLong(PARENT, -1);
        if (expected != -1) {
            watchParent(expected);
        }
        return true;
    }

    /** A child JVM running {@code main} with {@code CHILD} and {@code args}; it ends with its parent. */
    public static ProcessBuilder builder(Class<?> main, String... args) {
        return new ProcessBuilder(command(true, main, args)).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /**
     * A child JVM that is not watched: it may outlive its parent, as a forked child does. Use it
     * only for a child that ends by itself (the book's orphans and fire-and-forget children).
     */
    public static ProcessBuilder unwatched(Class<?> main, String... args) {
        return new ProcessBuilder(command(false, main, args)).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Starts {@link #builder}'s child; failing to start is an unchecked error. */
    public static Process start(Class<?> main, String... args) {
        try {
            return builder(main, args).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + e.getMessage(), e);
        }
    }

    /** Ends a child and everything it started, at once, and waits until it has ended. */
    public static void stop(Process child) {
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> command(boolean watched, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_FLAGS);
        String pace = System.getProperty(Pace.PROPERTY);
        if (pace != null) {
            Pace.factor();   // a bad value stops the parent here, before any child has run
            command.add("-D" + Pace.PROPERTY + "=" + pace);
        }
        if (watched) {
            command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
        }
        command.add("-cp");
        command.add(classPath(main));
        command.add(main.getName());
        command.add(CHILD);
        command.addAll(List.of(args));
        return command;
    }

    /** The java binary running this JVM: under exec:java that is Maven's, which is what we want. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Where this module's classes are. Not {@code java.class.path}: under exec:java that names
     * Maven's own launcher, not the program.
     */
    private static String classPath(Class<?> main) {
        try {
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + main.getName(), e);
        }
    }

    /**
     * When a parent ends, the kernel gives its children a new parent (pid 1 or a subreaper). A
     * daemon thread reads this JVM's parent pid every 50 ms and halts the JVM once it is no
     * longer the expected one; the expected pid also catches a parent that died before the
     * child got this far. Without /proc it falls back on {@code ProcessHandle.onExit}.
     */
    private static void watchParent(long expected) {
        if (parentPid() == -1) {
            ProcessHandle.of(expected).ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
                    () -> Runtime.getRuntime().halt(1));
            return;
        }
        Thread watch = new Thread(() -> {
            while (parentPid() == expected) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(1);
        }, "parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** This process's parent pid from /proc/self/stat ("PID (NAME) STATE PPID ..."), or -1. */
    private static long parentPid() {
        try (FileInputStream in = new FileInputStream("/proc/self/stat")) {
            byte[] bytes = in.readNBytes(1024);
            String stat = new String(bytes, StandardCharsets.US_ASCII);
            int state = stat.lastIndexOf(')') + 2;   // NAME may hold spaces and ')'
            int ppid = stat.indexOf(' ', state) + 1;
            return Long.parseLong(stat.substring(ppid, stat.indexOf(' ', ppid)));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
