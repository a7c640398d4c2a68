package org.parallelsystemtools.signals;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Deitel Fig. 18.14: a SIGINT handler that counts Ctrl-C presses down from 3.
 * A handler replaces a signal's default action: Ctrl-C no longer ends the program, it runs code
 * the program chose, and the program ends when it decides to.
 */
public final class Countdown {

    private Countdown() {
    }

    public static void main(String[] args) {
        // The handler runs on a thread of its own, so the count the main loop reads is atomic.
        AtomicInteger keepRunning = new AtomicInteger(3);
        Signal interrupt = new Signal("INT");
        SignalHandler previous = Signal.handle(interrupt, signal ->
                System.out.println("Ctrl-C pressed; keepRunning is " + keepRunning.decrementAndGet()));
        if (previous == SignalHandler.SIG_IGN) {
            // A JVM keeps SIGINT ignored if it started so (a background job): Ctrl-C cannot reach it.
            System.err.println("Countdown: SIGINT was ignored when this JVM started, and stays so");
            System.exit(1);
        }
        while (keepRunning.get() > 0) {
            System.out.println("Executing...");
            Pace.sleep(1);
        }
        System.out.println("Program terminating...");
        Signal.handle(interrupt, previous);   // under mvn exec:java, Ctrl-C ends Maven again
    }
}
/* Output:
Executing...
...
Ctrl-C pressed; keepRunning is 2
Executing...
...
Ctrl-C pressed; keepRunning is 1
Executing...
...
Ctrl-C pressed; keepRunning is 0
Program terminating...
*/
