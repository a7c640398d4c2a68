package org.parallelsystemtools.threading;

/**
 * Lutz {@code thread-count.py}: {@code _thread.start_new_thread} runs one function on five threads at once.
 * Each counts to five, a second apart, so all 25 lines take about five seconds, not twenty-five.
 */
public final class StartNewThread {

    public static void main(String[] args) {
        for (int i = 0; i < 5; i++) {
            int myId = i;
            // A Thread takes no argument tuple: the lambda carries (i, 5) to the function.
            new Thread(() -> counter(myId, 5)).start();
        }
        // Python must sleep or its _thread threads die with main. Java's threads are non-daemon:
        // the JVM waits for them, and a count that comes late still prints, after this line.
        Pace.sleep(6);
        System.out.println("Main thread exiting.");
    }

    static void counter(int myId, int count) {
        for (int i = 0; i < count; i++) {
            Pace.sleep(1);
            // No lock, as in the listing. One println is one write under PrintStream's own lock,
            // so Java's lines never run together the way Python's can (module mutex shows why).
            System.out.println("[" + myId + "] => " + i);
        }
    }
}

/* Output: (unordered)
[0] => 0
[4] => 0
[2] => 0
[3] => 0
[1] => 0
[0] => 1
[4] => 1
[2] => 1
[3] => 1
[1] => 1
[0] => 2
[4] => 2
[2] => 2
[3] => 2
[1] => 2
[0] => 3
[4] => 3
[2] => 3
[3] => 3
[1] => 3
[0] => 4
[4] => 4
[2] => 4
[3] => 4
[1] => 4
Main thread exiting.
*/
