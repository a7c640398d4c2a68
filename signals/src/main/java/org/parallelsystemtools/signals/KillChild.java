package org.parallelsystemtools.signals;

import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Deitel Fig. 18.15: the parent's SIGINT handler kills a child that ignores SIGINT.
 * Ctrl-C signals every process of the terminal's foreground job; each decides for itself what
 * SIGINT means, and SIGKILL is the one a process can neither catch nor ignore.
 */
public final class KillChild {

    private KillChild() {
    }

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            // Typed by hand, the child's role would ignore Ctrl-C for ever: only our own child plays it.
            String parent = ProcessHandle.current().parent().map(p -> Long.toString(p.pid())).orElse("");
            if (args.length != 2 || !args[1].equals(parent)) {
                System.err.println("KillChild: 'child' is the role of the JVM KillChild starts itself (usage: KillChild)");
                System.exit(2);
            }
            child();
            return;
        }
        // A JVM cannot fork: the child is a new JVM, which ignores SIGINT only once its main runs.
        Process child = Relaunch.builder(KillChild.class, Long.toString(ProcessHandle.current().pid())).inheritIO().start();
        AtomicBoolean parentKeepRunning = new AtomicBoolean(true);
        Signal interrupt = new Signal("INT");
        SignalHandler previous = Signal.handle(interrupt, signal -> {
            child.destroyForcibly();   // os.kill(pid, signal.SIGKILL)
            System.out.println("Interrupt received. Child process killed.");
            parentKeepRunning.set(false);
        });
        if (previous == SignalHandler.SIG_IGN) {
            // A JVM keeps SIGINT ignored if it started so (a background job): Ctrl-C cannot reach it.
            System.err.println("KillChild: SIGINT was ignored when this JVM started, and stays so");
            Relaunch.stop(child);
            System.exit(1);
        }
        while (parentKeepRunning.get()) {
            System.out.println("Parent running. Press Ctrl-C to terminate child.");
            Pace.sleep(1);
        }
        // The JVM reaps its child itself, so the killed child does not stay a zombie as in Python.
        System.out.println("Parent terminated child process.");
        System.out.println("Parent terminating normally.");
        Signal.handle(interrupt, previous);   // under mvn exec:java, Ctrl-C ends Maven again
    }

    /** The child: SIGINT ignored, so only SIGKILL can end it. */
    private static void child() {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        while (true) {
            System.out.println("Child still executing.");
            Pace.sleep(1);
        }
    }
}
/* Output: (unordered)
Parent running. Press Ctrl-C to terminate child.
Child still executing.
Parent running. Press Ctrl-C to terminate child.
Child still executing.
Parent running. Press Ctrl-C to terminate child.
Child still executing.
Parent running. Press Ctrl-C to terminate child.
...
Interrupt received. Child process killed.
Parent terminated child process.
Parent terminating normally.
*/
