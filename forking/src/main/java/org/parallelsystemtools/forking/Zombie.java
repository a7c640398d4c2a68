package org.parallelsystemtools.forking;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Zombies: a process that has ended stays in the process table, in state Z, until its parent
 * collects its exit status with wait(). Part one shows that a Java parent never leaves one: the
 * JVM runs a reaper thread that waits for every child it starts, whether the program calls
 * {@code waitFor()} or not. Part two makes a real zombie under a parent that is not Java and
 * never waits, reads its state from {@code /proc/PID/stat}, ends that parent, and watches the
 * zombie's new parent (pid 1 or a subreaper) reap it.
 */
public final class Zombie {

    private Zombie() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (Relaunch.isChild(args)) {
            Relaunch.watchParent();
            System.out.println("Child " + ProcessHandle.current().pid() + " exiting");
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Option: {@code --timeout MS}, how long to wait for each state change (10000). */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        int timeout;
        try {
            timeout = new Args(args, List.of("--timeout")).integer("--timeout", 10_000, 100, 600_000);
        } catch (Args.UsageException e) {
            err.println("Zombie: " + e.getMessage());
            return 2;
        }
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            out.println("No /proc on this system: process states cannot be read here, so there is nothing to show.");
            return 0;
        }
        long me = ProcessHandle.current().pid();
        try {
            // Part one: a Java child ends, and nobody here calls waitFor().
            Process java = Relaunch.startChild(Zombie.class);
            try {
                out.println("Parent " + me + " started Java child " + java.pid());
                Relaunch.copyOutput(java, out).join();      // output ends when the child does
                long gone = waitUntilGone(java.pid(), timeout);
                out.println(gone >= 0
                        ? "Java child " + java.pid() + ": gone from /proc " + gone + " ms after its output ended;"
                          + " no waitFor() here, the JVM's reaper thread waited for it"
                        : "Java child " + java.pid() + ": still in /proc after " + timeout + " ms");
            } finally {
                Relaunch.destroy(java);
            }

            // Part two: sh starts `true` in the background, then becomes `cat` (exec), which
            // never calls wait(). `true` ends at once and stays a zombie while cat runs. cat
            // reads its input, a pipe from us, so it ends when we close it (or when we die).
            Process parent = new ProcessBuilder("sh", "-c", "true & exec cat > /dev/null")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                long zombie = firstChild(parent, timeout);
                if (zombie < 0) {
                    out.println("Parent " + parent.pid() + " started no child within " + timeout + " ms");
                    return 1;
                }
                out.println("Parent " + parent.pid() + " (sh, then cat: not Java, never waits) started child " + zombie);
                if (!waitForState(zombie, "Z", timeout)) {
                    out.println("Child " + zombie + " never showed state Z within " + timeout + " ms");
                    return 1;
                }
                String[] stat = stat(zombie).orElseThrow();
                out.println("Child " + zombie + " (" + stat[0] + ") has exited: state " + stat[1]
                        + " (zombie) in /proc/" + zombie + "/stat, parent " + stat[2]);

                parent.getOutputStream().close();   // cat sees end of input and exits
                parent.waitFor();                   // the JVM reaps cat, our own child
                Optional<String[]> adopted = stat(zombie);
                String reaper = adopted.map(s -> s[2] + " (" + Orphan.name(Long.parseLong(s[2])) + ")")
                        .orElse("its new parent");
                out.println("Parent " + parent.pid() + " exited; zombie " + zombie + " now belongs to " + reaper);
                long gone = waitUntilGone(zombie, timeout);
                out.println(gone >= 0
                        ? "Zombie " + zombie + " reaped by " + reaper + " after " + gone + " ms: /proc/" + zombie + " is gone"
                        : "Zombie " + zombie + " still there after " + timeout + " ms: " + reaper
                          + " does not reap adopted children (it vanishes when that process ends)");
                return gone >= 0 ? 0 : 1;
            } finally {
                Relaunch.destroy(parent);
            }
        } catch (IOException | UncheckedIOException e) {
            err.println("Zombie: " + e.getMessage());
            return 1;
        }
    }

    /** [name, state, parent pid] from /proc/PID/stat, or empty once the process is gone. */
    static Optional<String[]> stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "PID (NAME) STATE PPID ...": NAME may hold spaces and parentheses, so split at the last ')'.
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            return Optional.of(new String[] {line.substring(line.indexOf('(') + 1, close), rest[0], rest[1]});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Milliseconds until /proc/PID disappears, or -1 after {@code timeout} ms. */
    static long waitUntilGone(long pid, int timeout) throws InterruptedException {
        long start = System.nanoTime();
        while (stat(pid).isPresent()) {
            if (System.nanoTime() - start > timeout * 1_000_000L) {
                return -1;
            }
            Thread.sleep(5);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static boolean waitForState(long pid, String state, int timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        while (!stat(pid).map(s -> s[1].equals(state)).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    private static long firstChild(Process parent, int timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout * 1_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = parent.children().findFirst();
            if (child.isPresent()) {
                return child.get().pid();
            }
            Thread.sleep(5);
        }
        return -1;
    }
}
