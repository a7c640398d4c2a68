package org.parallelsystemtools.waiting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process, the Java way. A running JVM cannot fork itself, so a "child" is a new JVM
 * that runs one of this module's classes with the role argument {@value #ROLE} (what Python's
 * {@code spawn} start method does). Its output lines are copied into the parent's stream.
 */
final class Child {

    /** First argument of a relaunched program: "you are the child". */
    static final String ROLE = "--child";

    // Small programs: a JVM that skips the optimizing compiler and the parallel GC starts sooner.
    private static final List<String> FAST_START = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData");
    private static final String PARENT_PROPERTY = "waiting.parent";

    private final Process process;
    private final CompletableFuture<Void> firstLine = new CompletableFuture<>();
    private final CompletableFuture<Void> outputCopied = new CompletableFuture<>();

    private Child(Process process, PrintStream out) {
        this.process = process;
        Thread copier = new Thread(() -> copyLines(out), "output of child " + process.pid());
        copier.setDaemon(true);
        copier.start();
    }

    /** Starts {@code main} in a new JVM as {@code main --child roleArgs...}. */
    static Child start(PrintStream out, Class<?> main, Object... roleArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(FAST_START);
        command.add("-D" + PARENT_PROPERTY + "=" + ProcessHandle.current().pid());
        command.addAll(List.of("-cp", classPath(main), main.getName(), ROLE));
        for (Object arg : roleArgs) {
            command.add(String.valueOf(arg));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        return new Child(process, out);
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Completes once the child has printed its first line (it is up and ready). */
    CompletableFuture<Void> firstLine() {
        return firstLine;
    }

    /** Completes once the process has ended and everything it printed has been copied. */
    CompletableFuture<Child> ended() {
        return process.onExit().thenCombine(outputCopied, (p, v) -> this);
    }

    /**
     * Starts the clock of children that are up (they printed their first line) and wait in
     * {@link #awaitGo()}. A forked Python child runs within a millisecond; a JVM needs 0.1 to 1 s
     * to start, more on a loaded machine, so timed children wait for one common start signal.
     */
    static void startClocks(Collection<Child> children) throws IOException {
        for (Child child : children) {
            child.firstLine.join();
        }
        for (Child child : children) {
            child.process.getOutputStream().write('\n');
            child.process.getOutputStream().flush();
        }
    }

    /** The child's side of {@link #startClocks}: one line on stdin means "go", end of input means "parent gone". */
    static void awaitGo() throws IOException {
        if (System.in.read() < 0) {
            Runtime.getRuntime().halt(1);
        }
    }

    /** Called first thing in a child: end at once when the parent ends, however it ends. */
    static void watchParent() {
        long expected = Long.getLong(PARENT_PROPERTY, -1);
        ProcessHandle.current().parent()
                .filter(parent -> parent.pid() == expected) // already re-parented? then it is gone
                .ifPresentOrElse(
                        parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
                        () -> Runtime.getRuntime().halt(1));
    }

    /** The parent's finally block: no child outlives the program. */
    static void destroyAll(Collection<Child> children) {
        for (Child child : children) {
            child.process.destroyForcibly();
        }
        for (Child child : children) {
            try {
                child.process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void copyLines(PrintStream out) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                out.println(line);
                firstLine.complete(null);
            }
        } catch (IOException e) {
            // the child was destroyed while we read: nothing more to copy
        } finally {
            out.flush();
            firstLine.complete(null);
            outputCopied.complete(null);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String classPath(Class<?> main) {
        // Not java.class.path: under 'mvn exec:java' that is Maven's own launcher.
        try {
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot find my own classes: " + e.getMessage()));
        }
    }
}
