package org.parallelsystemtools.threading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/**
 * Lutz {@code thread1.py}: a new thread for every line read, until {@code q}.
 * Starting a thread returns at once, so the first greeting appears before any key is pressed,
 * and there are as many threads as lines read.
 */
public final class ThreadOnEnter {

    public static void main(String[] args) throws IOException {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        int i = 0;
        while (true) {
            i += 1;
            int tid = i;
            new Thread(() -> child(tid)).start();
            String line = input.readLine();
            // Python's input() raises EOFError at the end of input; here the end counts as q.
            if (line == null || line.equals("q")) {
                break;
            }
        }
    }

    static void child(int tid) {
        System.out.println("Hello from thread " + tid);
    }
}

/* Output: (unordered) after typing Enter, Enter, q
Hello from thread 1
Hello from thread 2
Hello from thread 3
*/
