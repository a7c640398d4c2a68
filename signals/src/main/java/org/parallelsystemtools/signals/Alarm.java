package org.parallelsystemtools.signals;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lutz's alarm loop: a handler for SIGALRM, "Setting at TIME", an alarm some seconds later,
 * a pause until it goes off, "Got alarm 14 at TIME"; three rounds unless --forever.
 *
 * <pre>mvn -pl signals compile exec:java -Dexec.args="--seconds 2 --rounds 3"</pre>
 */
public final class Alarm {

    private Alarm() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long delayMillis;
        long rounds;
        try {
            Args options = Args.parse(args, Set.of("--seconds", "--rounds"), Set.of("--forever"));
            delayMillis = options.millis("--seconds", 2, 3600);
            rounds = options.has("--forever") ? Long.MAX_VALUE : options.number("--rounds", 3, 1, 1_000_000);
        } catch (Args.UsageError e) {
            err.println("Alarm: " + e.getMessage() + " (options: --seconds S --rounds N --forever)");
            return 2;
        }
        Signal alarm = new Signal("ALRM");
        Semaphore rang = new Semaphore(0);
        // Python runs the handler in the main thread, between two bytecodes. The JVM starts a
        // new thread for each signal it delivers, so the handler and main meet at a semaphore.
        SignalHandler previous = Signal.handle(alarm, signal -> {
            out.println("Got alarm " + signal.getNumber() + " at " + Signals.now());
            rang.release();
        });
        // The JVM has no signal.alarm(): a timer thread raises SIGALRM at this process instead.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "alarm clock");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledFuture<?> pending = null;
        try {
            for (long round = 0; round < rounds; round++) {
                out.println("Setting at " + Signals.now());
                if (pending != null) {
                    pending.cancel(false); // like alarm(): a new alarm replaces one still pending
                }
                pending = clock.schedule(() -> Signal.raise(alarm), delayMillis, TimeUnit.MILLISECONDS);
                rang.acquire(); // signal.pause(): sleep until a signal has been handled
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            clock.shutdownNow();
            Signal.handle(alarm, previous);
        }
    }
}
