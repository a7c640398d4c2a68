package org.parallelsystemtools.pipes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a program of this module again as a child JVM, in a given role.
 *
 * <p>Python's {@code os.fork()} copies the running interpreter; a JVM cannot be forked, so the
 * idiom is to launch the same class again with a role argument (what Python's {@code spawn}
 * start method does). The child's standard input and output are the two anonymous OS pipes
 * {@link ProcessBuilder} creates for us.
 */
final class Relaunch {
    /** Flags that make a small child JVM start quickly on a busy 2-core machine. */
    private static final List<String> FAST_START = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData", "-Xss512k");

    private Relaunch() {
    }

    /** A ProcessBuilder for {@code java -cp <this module's classes> mainClass args...}. */
    static ProcessBuilder javaProcess(Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(FAST_START);
        command.add("-cp");
        command.add(classPath(mainClass));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        // stdin and stdout stay pipes to us; the child's error messages go straight to our stderr.
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /** Starts the child; the parent owns it and must call {@link #stop} in a finally block. */
    static Process start(Class<?> mainClass, String... args) throws IOException {
        return javaProcess(mainClass, args).start();
    }

    /**
     * Called first thing in a child: halt as soon as the parent process is gone, so that an
     * interrupted or killed parent (Ctrl-C under Maven, kill -9) never leaves a child behind.
     */
    static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent ->
                parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
    }

    /** Ends a child (and anything it started) and waits until it is really gone. */
    static void stop(Process child) {
        if (child == null) {
            return;
        }
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroy();
        try {
            if (!child.waitFor(5, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Under {@code mvn exec:java} java.class.path is Maven's launcher, so ask the class itself. */
    private static String classPath(Class<?> mainClass) {
        try {
            return Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (Exception e) {
            return System.getProperty("java.class.path");
        }
    }
}
