package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A child's exit status, as os.wait hands it back: two children exit by themselves (0 and 3),
 * one is sent SIGTERM, one SIGKILL. Then the parent waits once more, with no children left.
 *
 * <pre>mvn -pl waiting compile exec:java -Dexec.mainClass=org.parallelsystemtools.waiting.ExitStatus</pre>
 */
public final class ExitStatus {

    private static final Map<Integer, String> SIGNAL_NAMES = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 6, "SIGABRT", 9, "SIGKILL", 15, "SIGTERM");

    private ExitStatus() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(Child.ROLE)) {
            child(args);
            return;
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0) {
            err.println("ExitStatus: takes no arguments, got: " + String.join(" ", args));
            return 2;
        }
        List<Child> all = new ArrayList<>();
        try {
            Child exitsZero = Child.start(out, ExitStatus.class, "exit", 0);
            Child exitsThree = Child.start(out, ExitStatus.class, "exit", 3);
            Child getsTerm = Child.start(out, ExitStatus.class, "wait");
            Child getsKill = Child.start(out, ExitStatus.class, "wait");
            all.addAll(List.of(exitsZero, exitsThree, getsTerm, getsKill));
            List<Child> running = new ArrayList<>(all);

            getsTerm.firstLine().join(); // up, hook installed: now the signal means something
            getsKill.firstLine().join();
            // os.kill(pid, SIGTERM). Via the ProcessHandle: Process.destroy() would also close our
            // end of the child's output, and we want to read what its shutdown hook prints.
            getsTerm.process().toHandle().destroy();
            out.printf("Parent: sent SIGTERM to %d%n", getsTerm.pid());
            getsKill.process().toHandle().destroyForcibly(); // os.kill(pid, SIGKILL)
            out.printf("Parent: sent SIGKILL to %d%n", getsKill.pid());

            while (!running.isEmpty()) {
                Child ended = WaitForAny.waitForAny(running);
                int status = ended.process().exitValue();
                out.printf("Parent: Child %d exit status %d: %s%n", ended.pid(), status, describe(status));
            }
            // os.wait() with no children raises OSError (ECHILD). Java has no wait-for-any call to
            // fail, so ask the operating system which children this JVM still has.
            long left = ProcessHandle.current().children().count();
            if (left == 0) {
                out.println("Parent: wait -> No more child processes (ECHILD: none left to wait for)");
            } else {
                out.printf("Parent: %d other child process(es) still running%n", left);
            }
            return 0;
        } catch (IOException e) {
            err.println("ExitStatus: unable to create child: " + e.getMessage());
            return 1;
        } finally {
            Child.destroyAll(all);
        }
    }

    /**
     * Python separates the two cases (os.WIFEXITED / os.WIFSIGNALED); Java folds them into one
     * number: a child killed by signal N reports 128 + N, the shell's convention. A JVM that gets
     * SIGTERM runs its shutdown hooks and then itself exits with 128 + 15, so both read 143.
     */
    static String describe(int status) {
        if (status == 0) {
            return "exited normally";
        }
        if (status > 128 && status < 128 + 65) {
            int signal = status - 128;
            return "128 + " + signal + ": ended by " + SIGNAL_NAMES.getOrDefault(signal, "signal " + signal);
        }
        return "exited with an error";
    }

    /** The child's side: "exit N" ends with status N; "wait" waits for a signal. */
    private static void child(String[] args) throws InterruptedException {
        Child.watchParent();
        long pid = ProcessHandle.current().pid();
        if (args[1].equals("exit")) {
            int status = Integer.parseInt(args[2]);
            System.out.printf("Child %d exiting with status %d%n", pid, status);
            System.out.flush();
            System.exit(status);
        }
        // SIGTERM and SIGINT run shutdown hooks; SIGKILL ends the process with no warning at all.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.printf("Child %d: shutdown hook runs (SIGTERM), the JVM exits with 143%n", pid);
            System.out.flush();
        }));
        System.out.printf("Child %d waiting for a signal%n", pid);
        System.out.flush();
        Thread.sleep(60_000);
    }
}
