package org.parallelsystemtools.signals;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Deitel Fig. 18.14: a SIGINT handler that counts Ctrl-C presses down from 3.
 * A handler replaces a signal's default action: Ctrl-C no longer ends the program, it runs code
 * the program chose, and the program ends when it decides to.
 */
public final class Countdown {

    private static int keepRunning = 3;

    private Countdown() {
    }

    public static void main(String[] args) {
        Signal interrupt = new Signal("INT");
        SignalHandler previous = Signal.handle(interrupt, Countdown::stop);
        if (previous == SignalHandler.SIG_IGN) {
            // A JVM keeps SIGINT ignored if it started so (a background job): Ctrl-C cannot reach it.
            System.err.println("Countdown: SIGINT was ignored when this JVM started, and stays so");
            System.exit(1);
        }
        while (keepRunning() > 0) {
            System.out.println("Executing...");
            Pace.sleep(1);
        }
        System.out.println("Program terminating...");
        Signal.handle(interrupt, previous);   // under mvn exec:java, Ctrl-C ends Maven again
    }

    // Python runs the handler in the main thread between two bytecodes; the JVM runs each one on
    // a new thread, so the count and its line change together under a lock, as they do in Python.
    private static synchronized void stop(Signal signal) {
        keepRunning -= 1;
        System.out.println("Ctrl-C pressed; keepRunning is " + keepRunning);
    }

    private static synchronized int keepRunning() {
        return keepRunning;
    }
}
/* Output:
Executing...
Executing...
Executing...
...
Ctrl-C pressed; keepRunning is 2
Executing...
Executing...
...
Ctrl-C pressed; keepRunning is 1
Executing...
Executing...
...
Ctrl-C pressed; keepRunning is 0
Program terminating...
*/
