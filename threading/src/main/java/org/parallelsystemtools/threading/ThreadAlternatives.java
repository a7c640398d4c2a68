package org.parallelsystemtools.threading;

import java.math.BigInteger;
import java.util.function.IntConsumer;

/**
 * Lutz {@code thread-alts.py}: a thread runs any callable, be it a function with its argument,
 * a lambda or a bound method. All three print 2 to the 32nd; main waits two seconds, then leaves.
 */
public final class ThreadAlternatives {

    public static void main(String[] args) {
        startNewThread(ThreadAlternatives::action, 2);    // a function and its argument
        startNewThread(() -> action(2));                  // a lambda that defers the call
        Power obj = new Power(2);
        startNewThread(obj::action);                      // a bound method: a method reference
        Pace.sleep(2);   // Python's _thread threads die with main; Java would wait for these anyway
        System.out.println("Main thread exiting.");
    }

    static void action(int i) {
        // Python's ints never overflow; a long would from 4 ** 32 on.
        System.out.println(BigInteger.valueOf(i).pow(32));
    }

    static final class Power {
        private final int i;

        Power(int i) {
            this.i = i;
        }

        void action() {
            System.out.println(BigInteger.valueOf(i).pow(32));
        }
    }

    /** {@code _thread.start_new_thread(function, (arg,))}: Java has no argument tuple, so the lambda binds it. */
    static void startNewThread(IntConsumer function, int arg) {
        new Thread(() -> function.accept(arg)).start();
    }

    /** {@code _thread.start_new_thread(function, ())}. */
    static void startNewThread(Runnable function) {
        new Thread(function).start();
    }
}

/* Output: (unordered)
4294967296
4294967296
4294967296
Main thread exiting.
*/
