package org.parallelsystemtools.signals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lutz {@code signal2.py}: set an alarm, pause until SIGALRM arrives, and again, for ever.
 * A handler is a function the kernel has this process call when a signal comes, here every
 * five seconds.
 */
public final class Alarm {

    private static final double SECONDS = 5;
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private Alarm() {
    }

    public static void main(String[] args) throws InterruptedException {
        Signal alarm = new Signal("ALRM");
        Semaphore rang = new Semaphore(0);
        // Python runs the handler in the main thread, between two bytecodes; the JVM runs it on a
        // thread of its own, so the handler and the paused main thread meet at a semaphore.
        SignalHandler onSignal = signal -> {
            System.out.println("Got alarm " + signal.getNumber() + " at " + now());
            rang.release();
        };
        SignalHandler previous = Signal.handle(alarm, onSignal);
        // Java has no signal.alarm(): a timer thread has the kernel send a real SIGALRM to this
        // process with raise(3), which is what alarm() makes the kernel do when the time is up.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ScheduledFuture<?> pending = null;
        try {
            while (true) {
                System.out.println("Setting at " + now());
                Signal.handle(alarm, onSignal);
                if (pending != null) {
                    pending.cancel(false);   // as alarm() does, a new alarm replaces one still due
                }
                pending = clock.schedule(() -> Signal.raise(alarm), Pace.millis(SECONDS), TimeUnit.MILLISECONDS);
                rang.acquire();              // signal.pause()
            }
        } finally {
            clock.shutdownNow();
            Signal.handle(alarm, previous);
        }
    }

    /** Python's time.asctime(): "Sun Mar  7 19:02:34 2010", in English whatever the locale. */
    static String now() {
        return LocalDateTime.now().format(ASCTIME);
    }
}
/* Output: (times; any 2 2026)
Setting at Wed Dec  2 21:46:32 2026
Got alarm 14 at Wed Dec  2 21:46:37 2026
Setting at Wed Dec  2 21:46:37 2026
Got alarm 14 at Wed Dec  2 21:46:42 2026
Setting at Wed Dec  2 21:46:42 2026
...
*/
