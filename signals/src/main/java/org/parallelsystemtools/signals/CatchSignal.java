package org.parallelsystemtools.signals;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A handler for the signal named on the command line. The program prints its pid and waits;
 * each {@code kill -USR1 PID} from another terminal prints "Got signal 10 at TIME". It ends after
 * --count signals or --timeout seconds.
 *
 * <pre>mvn -pl signals compile exec:java -Dexec.mainClass=org.parallelsystemtools.signals.CatchSignal -Dexec.args="USR1"</pre>
 */
public final class CatchSignal {

    private static final String USAGE = "usage: CatchSignal SIGNAL [--count N] [--timeout SECONDS]";

    private CatchSignal() {
    }

    public static void main(String[] args) throws InterruptedException {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        Signal signal;
        long count;
        long timeoutMillis;
        try {
            Args options = Args.parse(args, Set.of("--count", "--timeout"), Set.of(), 1);
            if (options.positional(0) == null) {
                throw new Args.UsageError("which signal? " + USAGE);
            }
            signal = Signals.parse(options.positional(0));
            count = options.number("--count", 3, 1, 1_000_000);
            timeoutMillis = options.millis("--timeout", 60, 86_400);
        } catch (Args.UsageError e) {
            err.println("CatchSignal: " + e.getMessage());
            return 2;
        }

        CountDownLatch remaining = new CountDownLatch((int) count);
        SignalHandler previous;
        try {
            previous = Signal.handle(signal, caught -> {
                out.println("Got signal " + caught.getNumber() + " at " + Signals.now());
                remaining.countDown();
            });
        } catch (IllegalArgumentException refused) {
            // QUIT is the JVM's own (thread dumps), SEGV, FPE and ILL it needs to run, and no
            // process at all can catch KILL or STOP.
            err.println("CatchSignal: the JVM will not let a program handle " + Signals.describe(signal)
                    + ": " + refused.getMessage());
            return 2;
        }
        try {
            if (previous == SignalHandler.SIG_IGN && Set.of("INT", "TERM", "HUP").contains(signal.getName())) {
                // The JVM keeps a shutdown signal ignored if it was ignored when the JVM started,
                // as a shell does for SIGINT to a job it runs in the background.
                err.println("CatchSignal: " + Signals.describe(signal)
                        + " was ignored when this JVM started, so the JVM keeps ignoring it");
                return 1;
            }
            long pid = ProcessHandle.current().pid();
            out.printf("CatchSignal %d waiting for %s: kill -%s %d (ends after %d signal(s) or %s s)%n",
                    pid, Signals.describe(signal), signal.getName(), pid, count, Signals.seconds(timeoutMillis));
            if (!remaining.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                out.printf("No more signals after %s s: got %d of %d%n",
                        Signals.seconds(timeoutMillis), count - remaining.getCount(), count);
            }
            return 0;
        } finally {
            Signal.handle(signal, previous);
        }
    }
}
