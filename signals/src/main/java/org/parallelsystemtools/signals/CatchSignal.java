package org.parallelsystemtools.signals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Lutz {@code signal1.py}: catch the signal whose number is given on the command line, and wait.
 * Any process may signal any other of its user: {@code kill -10 PID} from another terminal runs
 * this program's handler.
 */
public final class CatchSignal {

    // sun.misc.Signal knows signals by name only; a number is looked up among these.
    private static final String NAMES = "HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM "
            + "TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US);

    private CatchSignal() {
    }

    public static void main(String[] args) throws InterruptedException {
        Signal signal;
        SignalHandler previous;
        try {
            signal = byNumber(args.length == 1 ? args[0] : "");
            previous = Signal.handle(signal, caught ->
                    System.out.println("Got signal " + caught.getNumber() + " at " + now()));
        } catch (IllegalArgumentException refused) {   // QUIT, SEGV...: the JVM's own; KILL, STOP: nobody's
            System.err.println("CatchSignal: expected the number of a signal it can catch, such as 10 for USR1"
                    + (args.length == 0 ? "" : ", not " + String.join(" ", args) + " (" + refused.getMessage() + ")")
                    + " (usage: CatchSignal SIGNUM)");
            System.exit(2);
            return;
        }
        if (previous == SignalHandler.SIG_IGN && List.of("HUP", "INT", "TERM").contains(signal.getName())) {
            // For HUP, INT and TERM the JVM keeps a signal ignored that was ignored when it
            // started (nohup, a background job); Python would install the handler anyway.
            System.err.println("CatchSignal: SIG" + signal.getName() + " was ignored when this JVM started, and stays so");
            System.exit(1);
        }
        // signal.pause(): the handler runs on a thread of its own, so main need only stay alive.
        Thread.sleep(Long.MAX_VALUE);
    }

    private static Signal byNumber(String number) {
        for (String name : NAMES.split(" ")) {
            try {
                Signal signal = new Signal(name);
                if (Integer.toString(signal.getNumber()).equals(number)) {
                    return signal;
                }
            } catch (IllegalArgumentException notOnThisSystem) {
                // try the next name
            }
        }
        throw new IllegalArgumentException("no such signal here");
    }

    /** Python's time.ctime(): "Sun Mar  7 19:02:34 2010", in English whatever the locale. */
    private static String now() {
        return LocalDateTime.now().format(CTIME);
    }
}
/* Output: (times; any 2 2026)
Got signal 10 at Wed Dec  2 21:46:33 2026
Got signal 10 at Wed Dec  2 21:46:34 2026
Got signal 10 at Wed Dec  2 21:46:37 2026
*/
