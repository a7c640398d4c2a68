package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;

/**
 * Deitel Fig. 18.4, {@code os.waitpid} used to wait for one particular child.
 * The parent waits for the child it names, even though the other one ends first.
 */
public final class WaitForOne {

    private static final int SLEEP_TIME1 = 2;
    private static final int SLEEP_TIME2 = 4;

    public static void main(String[] args) throws InterruptedException {
        if (Relaunch.isChild(args)) {
            if (!String.join(" ", args).matches("child [12] \\d{1,18}")) {
                System.err.println("WaitForOne: expected no arguments; it starts its own children as 'child 1|2 PID' (usage: WaitForOne)");
                System.exit(2);
            }
            child(Integer.parseInt(args[1]), Long.parseLong(args[2]));
            return;
        }
        Process child1 = fork("Unable to create first child. ", "1", 0);
        Process child2 = fork("Unable to create second child.", "2", child1.pid());
        say(String.format("Parent waiting for child processes...%n\tpid: %d, forkPID1: %d, forkPID2: %d%n",
                ProcessHandle.current().pid(), child1.pid(), child2.pid()));

        // os.waitpid(forkPID2, 0): waitFor() on one Process is exactly that. Child 1 ends two
        // seconds earlier and nobody waits for it, yet it never lingers as a zombie: the JVM's
        // own reaper thread collects every child it started, and keeps its status for us.
        child2.waitFor();
        say(String.format("Parent: Child %d finished.%n", child2.pid()));
    }

    /** A forked child shares the parent's terminal, so its output is inherited, not piped. */
    private static Process fork(String failure, String number, long forkPid1) {
        try {
            return Relaunch.builder(WaitForOne.class, number, Long.toString(forkPid1))
                    .redirectOutput(Redirect.INHERIT).start();
        } catch (IOException e) {
            System.err.println(failure);
            System.exit(1);
            return null;
        }
    }

    private static void child(int number, long forkPid1) {
        long pid = ProcessHandle.current().pid();
        if (number == 1) {
            say(String.format("Child1 sleeping for %d seconds...%n\tpid: %d, forkPID1: 0%n", SLEEP_TIME1, pid));
            Pace.sleep(SLEEP_TIME1);
        } else {
            say(String.format("Child2 sleeping for %d seconds...%n\tpid: %d, forkPID1: %d, forkPID2: 0%n",
                    SLEEP_TIME2, pid, forkPid1));
            Pace.sleep(SLEEP_TIME2);
        }
    }

    /** Header and pid line in one print, so one write(2) that no other process can split. */
    private static void say(String lines) {
        System.out.print(lines);
    }
}

/* Output: (unordered; vary 22913 22934 22942)
Child1 sleeping for 2 seconds...
	pid: 22934, forkPID1: 0
Parent waiting for child processes...
	pid: 22913, forkPID1: 22934, forkPID2: 22942
Child2 sleeping for 4 seconds...
	pid: 22942, forkPID1: 22934, forkPID2: 0
Parent: Child 22942 finished.
*/
