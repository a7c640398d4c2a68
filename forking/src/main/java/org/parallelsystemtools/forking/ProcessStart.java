package org.parallelsystemtools.forking;

/**
 * The tutorial's {@code multiprocessing.Process} start and join: a child process runs a function
 * with the arguments it was given, and the parent waits until it has finished.
 *
 * <p>Python hands the child the function itself ({@code target=run_task}); another JVM can be
 * given only a class and strings, so the child finds its part through {@link Relaunch#isChild}.
 */
public final class ProcessStart {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 2) {
                System.err.println("ProcessStart: its child is started by ProcessStart itself (usage: ProcessStart)");
                System.exit(2);
            }
            runTask(args[1]);
            return;
        }
        System.out.println("Parent process: " + ProcessHandle.current().pid());
        ProcessBuilder p = Relaunch.builder(ProcessStart.class, "test").inheritIO();
        System.out.println("Child process starting");
        Process started = p.start();
        started.waitFor();      // p.join()
        System.out.println("Child process finished");
    }

    static void runTask(String name) {
        System.out.println("Child process running: name=" + name + ", pid=" + ProcessHandle.current().pid());
    }
}

/* Output: (vary 4036 4653)
Parent process: 4036
Child process starting
Child process running: name=test, pid=4653
Child process finished
*/
