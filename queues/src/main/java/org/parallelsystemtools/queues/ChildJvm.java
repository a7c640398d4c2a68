package org.parallelsystemtools.queues;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The relaunch idiom: Java cannot fork a running JVM, so a "child process" is the same class
 * started again in a new JVM with a role argument (what Python's multiprocessing "spawn" does).
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** Starts {@code main} in a new JVM with {@code args}; its stderr goes where ours goes. */
    static Process start(Class<?> main, List<String> args) throws IOException {
        // Under "mvn exec:java" java.class.path is Maven's launcher: take the class's own location.
        String classpath;
        try {
            classpath = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java,
                // A child does little: start fast rather than compile well.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-Xmx32m", "-Xss512k", "-cp", classpath, main.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /**
     * In the child: halt as soon as the parent is gone (Ctrl-C, kill -9), instead of living on as
     * an orphan. The parent's pid comes as an argument: if it died before we got here,
     * ProcessHandle.current().parent() would already name whoever adopted us.
     */
    static void haltWhenParentDies(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)),
                () -> Runtime.getRuntime().halt(3));
    }
}
