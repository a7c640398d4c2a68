package org.parallelsystemtools.threading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A daemon and a non-daemon thread side by side. The non-daemon thread counts
 * to a few; the daemon thread would count much further. The main thread joins
 * the daemon with a timeout, gives up waiting, and returns. The JVM then waits
 * for the non-daemon thread only, and exits: the daemon thread is stopped in
 * the middle of its work, as every Python {@code _thread} thread is.
 *
 * <p>Only a JVM that really exits can show that, and under {@code mvn exec:java}
 * the program runs inside Maven's JVM, which goes on after main returns. So the
 * program relaunches itself as a child JVM (Java cannot fork) with
 * {@code --role child}, relays the child's lines, and reports where the daemon
 * thread was cut off.
 *
 * <pre>
 * --count N          how far the non-daemon thread counts (5)
 * --daemon-count N   how far the daemon thread would count (1000)
 * --delay-ms N       pause before each line, in milliseconds (200)
 * --join-ms N        how long main waits for the daemon thread (500)
 * </pre>
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static void main(String[] args) throws InterruptedException {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int count;
        int daemonCount;
        int delayMs;
        int joinMs;
        boolean child;
        try {
            Options options = Options.parse(args, "--count", "--daemon-count", "--delay-ms", "--join-ms", "--role");
            count = options.number("--count", 5, 0, 1_000_000);
            daemonCount = options.number("--daemon-count", 1000, 1, 1_000_000);
            delayMs = options.number("--delay-ms", 200, 0, 60_000);
            joinMs = options.number("--join-ms", 500, 1, 600_000);
            child = options.choice("--role", "parent", "parent", "child").equals("child");
        } catch (Options.UsageException e) {
            err.println("DaemonThreads: " + e.getMessage());
            return Options.USAGE_ERROR;
        }
        if (child) {
            runChild(count, daemonCount, delayMs, joinMs, out);
            return 0;
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx64m",
                "-cp", ownClasspath(), DaemonThreads.class.getName(), "--role", "child",
                "--count", "" + count, "--daemon-count", "" + daemonCount,
                "--delay-ms", "" + delayMs, "--join-ms", "" + joinMs));
        out.println("Parent " + ProcessHandle.current().pid() + " runs the demonstration in a child JVM");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            err.println("DaemonThreads: cannot start a child JVM: " + e.getMessage());
            return 1;
        }
        try {
            String lastDaemonLine = "(nothing)";
            try (BufferedReader lines = process.inputReader()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    out.println(line);
                    if (line.startsWith("[daemon] => ")) {
                        lastDaemonLine = line;
                    }
                }
            } catch (IOException e) {
                err.println("DaemonThreads: lost the child's output: " + e.getMessage());
                return 1;
            }
            int exit = process.waitFor();
            String lastCount = "[daemon] => " + (daemonCount - 1);
            out.printf("Child JVM %d exited with code %d; its daemon thread %s%n", process.pid(), exit,
                    lastDaemonLine.equals(lastCount)
                            ? "had finished all " + daemonCount + " counts (raise --daemon-count)"
                            : "was cut off after " + lastDaemonLine + " of 0.." + (daemonCount - 1));
            return exit == 0 ? 0 : 1;
        } finally {
            process.destroyForcibly(); // nothing if it has ended; no orphan if we were interrupted
        }
    }

    /** The child JVM: one daemon and one non-daemon thread, then main returns. */
    static void runChild(int count, int daemonCount, long delayMs, long joinMs, PrintStream out)
            throws InterruptedException {
        // If the parent dies first, go too: a child must never outlive it.
        ProcessHandle.current().parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));

        Thread daemon = new Thread(() -> counter("daemon", daemonCount, delayMs, out), "daemon");
        daemon.setDaemon(true); // only before start(); afterwards it throws IllegalThreadStateException
        Thread worker = new Thread(() -> counter("non-daemon", count, delayMs, out), "non-daemon");
        // Runs once the last non-daemon thread has ended and the JVM begins to exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> out.printf(
                "JVM exiting: non-daemon thread alive: %b, daemon thread alive: %b%n",
                worker.isAlive(), daemon.isAlive())));

        out.printf("Child JVM %d: a daemon thread (isDaemon=%b) counts to %d, "
                        + "a non-daemon thread (isDaemon=%b) to %d%n",
                ProcessHandle.current().pid(), daemon.isDaemon(), daemonCount - 1,
                worker.isDaemon(), count - 1);
        daemon.start();
        worker.start();
        daemon.join(joinMs); // wait at most joinMs, then carry on either way
        out.printf("join(%d ms) on the daemon thread returned; still alive: %b%n", joinMs, daemon.isAlive());
        out.println("Main thread exiting...");
    }

    private static void counter(String name, int count, long delayMs, PrintStream out) {
        for (int i = 0; i < count; i++) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                return;
            }
            out.println("[" + name + "] => " + i);
        }
    }

    /** The java binary running this JVM, so the child runs on the same JDK. */
    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Where this class was loaded from. Not java.class.path: under exec:java that is
     * Maven's own launcher, not this module's classes.
     */
    static String ownClasspath() {
        try {
            return Path.of(DaemonThreads.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate this program's classes", e);
        }
    }
}
