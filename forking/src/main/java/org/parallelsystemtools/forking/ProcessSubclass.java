package org.parallelsystemtools.forking;

import java.io.IOException;
import java.util.Locale;

/**
 * The tutorial's {@code Process} subclass: a class of its own whose {@code run()} is the child's
 * work, started and joined like any process.
 *
 * <p>Python pickles the object into the child; a JVM can pass only strings, so
 * {@code CustomProcess} sends its interval along and the child builds its own copy to run.
 */
public final class ProcessSubclass {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 2 || !args[1].matches("\\d{1,3}(\\.\\d{1,3})?")) {
                System.err.println("ProcessSubclass: its child is started by ProcessSubclass itself (usage: ProcessSubclass)");
                System.exit(2);
            }
            new CustomProcess(Double.parseDouble(args[1])).run();
            return;
        }
        long start = System.nanoTime();
        System.out.println("Main process: " + ProcessHandle.current().pid());
        CustomProcess p1 = new CustomProcess(2);
        p1.start();
        p1.join();
        System.out.println(String.format(Locale.ROOT, "Total time: %.2fs", (System.nanoTime() - start) / 1e9));
    }

    static final class CustomProcess {
        private final double interval;
        private Process process;

        CustomProcess(double interval) {
            this.interval = interval;
        }

        void start() throws IOException {
            process = Relaunch.builder(ProcessSubclass.class, Double.toString(interval)).inheritIO().start();
        }

        void join() throws InterruptedException {
            process.waitFor();
        }

        void run() {
            ProcessHandle me = ProcessHandle.current();
            System.out.println("Child " + me.pid() + " starting, parent: " + me.parent().map(ProcessHandle::pid).orElse(0L));
            long start = System.nanoTime();
            Pace.sleep(interval);
            System.out.println(String.format(Locale.ROOT, "%d finished in %.2fs", me.pid(), (System.nanoTime() - start) / 1e9));
        }
    }
}

/* Output: (vary 13526 13553; times)
Main process: 13526
Child 13553 starting, parent: 13526
13553 finished in 2.00s
Total time: 2.40s
*/
