package org.parallelsystemtools.forking;

import java.util.Locale;

/**
 * The tutorial's {@code is_alive()}, {@code name} and {@code pid}: two workers run side by side,
 * one for two seconds and one, named, for one; the parent asks about them while they run and
 * waits for the longer one.
 *
 * <p>A Java {@code Process} has no name, so the names live beside the processes; and
 * {@code isAlive()} is printed as Python's {@code True}/{@code False}, as the tutorial shows it.
 */
public final class ProcessCoordination {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 3 || !args[2].matches("\\d{1,3}(\\.\\d{1,3})?")) {
                System.err.println("ProcessCoordination: its children are started by ProcessCoordination itself (usage: ProcessCoordination)");
                System.exit(2);
            }
            worker(args[1], Double.parseDouble(args[2]));
            return;
        }
        System.out.println("Main process ID: " + ProcessHandle.current().pid());
        String p1Name = "Process-1";    // Python's default name for the first Process
        Process p1 = Relaunch.builder(ProcessCoordination.class, "1", "2").inheritIO().start();
        String p2Name = "WorkerTwo";
        Process p2 = Relaunch.builder(ProcessCoordination.class, "2", "1").inheritIO().start();
        System.out.println("p2 running: " + python(p2.isAlive()));
        System.out.println("p1.name=" + p1Name + ", p1.pid=" + p1.pid());
        System.out.println("p2.name=" + p2Name + ", p2.pid=" + p2.pid());
        p1.waitFor();
        System.out.println("p1 still running: " + python(p1.isAlive()));
        p2.waitFor();   // Python joins every child at exit; a relaunched child would end with us
    }

    static void worker(String number, double interval) {
        ProcessHandle me = ProcessHandle.current();
        System.out.println("Worker " + number + " - Parent: " + me.parent().map(ProcessHandle::pid).orElse(0L)
                + ", Current: " + me.pid());
        long start = System.nanoTime();
        Pace.sleep(interval);
        // One println per line: printf writes in pieces, which another process's line could split.
        System.out.println(String.format(Locale.ROOT, "Worker %s completed in %.2f seconds", number, (System.nanoTime() - start) / 1e9));
    }

    private static String python(boolean value) {
        return value ? "True" : "False";
    }
}

/* Output: (unordered; vary 4043 6273 6926; times)
Main process ID: 4043
p2 running: True
p1.name=Process-1, p1.pid=6273
p2.name=WorkerTwo, p2.pid=6926
Worker 1 - Parent: 4043, Current: 6273
Worker 2 - Parent: 4043, Current: 6926
Worker 2 completed in 1.00 seconds
Worker 1 completed in 2.00 seconds
p1 still running: False
*/
