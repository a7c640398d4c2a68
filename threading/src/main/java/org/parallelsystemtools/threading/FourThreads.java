package org.parallelsystemtools.threading;

import java.math.BigInteger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/**
 * Lutz {@code four-threads.py} and {@code four-threads-more.py}: four ways to hand a thread its work,
 * then a bound method and a closure, each run by a Thread and by the function-only interface.
 * There is no sleep and no join: the threads are non-daemon, and the JVM waits for them.
 */
public final class FourThreads {

    public static void main(String[] args) {
        // four-threads.py
        new MyThread(2).start();                            // a subclass with its own run()
        new Thread(() -> action(2)).start();                // target=(lambda: action(2))
        new Thread(bind(FourThreads::action, 2)).start();   // target=action, args=(2,)
        // Java's function-only interface is an executor: it takes a task, not a Thread.
        ExecutorService startNewThread = Executors.newSingleThreadExecutor();
        startNewThread.execute(() -> action(2));            // _thread.start_new_thread(action, (2,))

        // four-threads-more.py
        Power obj = new Power(2);
        new Thread(obj::action).start();                    // target=obj.action: a bound method
        new Thread(power(2)).start();                       // target=action(2): a closure keeping i
        startNewThread.execute(obj::action);
        startNewThread.execute(power(2));
        // The executor's thread waits for more work, and would keep the JVM alive for ever.
        startNewThread.shutdown();
    }

    static void action(int i) {
        // Python's ints never overflow; a long would from 4 ** 32 on.
        System.out.println(BigInteger.valueOf(i).pow(32));
    }

    static final class MyThread extends Thread {
        private final int i;

        MyThread(int i) {
            this.i = i;
        }

        @Override
        public void run() {
            System.out.println(BigInteger.valueOf(i).pow(32));
        }
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

    /** The nested function of four-threads-more.py: the lambda keeps {@code i} after power returns. */
    static Runnable power(int i) {
        return () -> System.out.println(BigInteger.valueOf(i).pow(32));
    }

    /** A function with its argument list, as Python's {@code args=(2,)} pairs them. */
    static Runnable bind(IntConsumer function, int arg) {
        return () -> function.accept(arg);
    }
}

/* Output:
4294967296
4294967296
4294967296
4294967296
4294967296
4294967296
4294967296
4294967296
*/
