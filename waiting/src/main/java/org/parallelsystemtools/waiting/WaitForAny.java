package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Deitel Fig. 18.3, {@code os.wait} used to wait for a child process.
 * A parent with two children learns which one ended first, whichever it started first.
 */
public final class WaitForAny {

    public static void main(String[] args) throws InterruptedException {
        if (Relaunch.isChild(args)) {
            if (!String.join(" ", args).matches("child [12] [1-5] \\d{1,18}")) {
                System.err.println("WaitForAny: expected no arguments; it starts its own children as 'child 1|2 SECONDS PID' (usage: WaitForAny)");
                System.exit(2);
            }
            child(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        // both sleep times drawn before the first fork, as the book does
        int sleepTime1 = ThreadLocalRandom.current().nextInt(1, 6);
        int sleepTime2 = ThreadLocalRandom.current().nextInt(1, 6);

        Process child1 = fork("Unable to create first child. ", "1", sleepTime1, 0);
        Process child2 = fork("Unable to create second child.", "2", sleepTime2, child1.pid());
        say(String.format("Parent waiting for child processes...%n\tpid: %d, forkPID1: %d, forkPID2: %d%n",
                ProcessHandle.current().pid(), child1.pid(), child2.pid()));

        // Java has no os.wait() for "any child": each Process has its own onExit() future,
        // and anyOf completes with whichever child the kernel reports ended first.
        Process first = (Process) CompletableFuture.anyOf(child1.onExit(), child2.onExit()).join();
        say(String.format("Parent: Child %d finished first, one child left.%n", first.pid()));
        Process second = first == child1 ? child2 : child1;
        second.waitFor();
        say(String.format("Parent: Child %d finished second, no children left.%n", second.pid()));
    }

    /** A forked child shares the parent's terminal, so its output is inherited, not piped. */
    private static Process fork(String failure, String number, int sleepTime, long forkPid1) {
        try {
            return Relaunch.builder(WaitForAny.class, number, Integer.toString(sleepTime), Long.toString(forkPid1))
                    .redirectOutput(Redirect.INHERIT).start();
        } catch (IOException e) {
            System.err.println(failure);
            System.exit(1);
            return null;
        }
    }

    private static void child(int number, int sleepTime, long forkPid1) {
        long pid = ProcessHandle.current().pid();
        if (number == 1) {
            // the book's spaces before the tab come from its triple-quoted strings' indentation
            say(String.format("Child1 sleeping for %d seconds...%n    \tpid: %d, forkPID1: 0%n", sleepTime, pid));
        } else {
            say(String.format("Child2 sleeping for %d seconds...%n            \tpid: %d, forkPID1: %d, forkPID2: 0%n",
                    sleepTime, pid, forkPid1));
        }
        Pace.sleep(sleepTime); // sleep to simulate some work
    }

    /**
     * Header and pid line in ONE print, so one write(2): printf would write piece by piece, and
     * another process's line could land between the two (as in one of the book's sample runs).
     */
    private static void say(String lines) {
        System.out.print(lines);
    }
}

/* Output: (unordered; vary 22405 22480 22485; any 3 4)
Parent waiting for child processes...
	pid: 22405, forkPID1: 22480, forkPID2: 22485
Child2 sleeping for 4 seconds...
            	pid: 22485, forkPID1: 22480, forkPID2: 0
Child1 sleeping for 3 seconds...
    	pid: 22480, forkPID1: 0
Parent: Child 22480 finished first, one child left.
Parent: Child 22485 finished second, no children left.
*/
