package org.parallelsystemtools.pipes;

import java.util.concurrent.CancellationException;

/**
 * The book's pauses, in seconds, scaled by one system property: {@code -Dpace=0.1} runs every
 * pause of a program (and of the children {@link Relaunch} starts for it) ten times faster.
 * Without the property the pauses are the book's own. The tests use it; readers need not.
 */
public final class Pace {

    /** The system property that scales every pause: 1 (the default) is the book's speed. */
    public static final String PROPERTY = "pace";

    private Pace() {
    }

    /**
     * The factor every pause is multiplied by. A value that is not a number from 0 to 100 is one
     * line on standard error and exit status 2, before anything has run ({@link Relaunch} asks
     * before it starts a child).
     */
    public static double factor() {
        String value = System.getProperty(PROPERTY, "1");
        try {
            double factor = Double.parseDouble(value);
            if (factor >= 0 && factor <= 100) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        System.err.println("-D" + PROPERTY + " must be a number from 0 to 100 (1 is the book's speed), not '" + value + "'");
        System.exit(2);
        return 1;
    }

    /** {@code seconds} scaled by the pace, in milliseconds. */
    public static long millis(double seconds) {
        return Math.round(seconds * 1000 * factor());
    }

    /**
     * Python's {@code time.sleep(seconds)}, at the pace. Java's {@code Thread.sleep} throws the
     * checked {@code InterruptedException}, which a thread's {@code Runnable} may not pass on;
     * here an interrupt ends the sleeping code with an unchecked exception instead, and the
     * thread keeps its interrupt flag.
     */
    public static void sleep(double seconds) {
        try {
            Thread.sleep(millis(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while sleeping");
        }
    }
}
