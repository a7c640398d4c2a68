package org.parallelsystemtools.forking;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

/**
 * Lutz {@code fork-exec.py}: each Enter starts another program, {@code HelloChild 1},
 * {@code HelloChild 2}, ...; {@code q} quits. Fork followed by exec is how Unix starts a new
 * program, and the program keeps the pid the fork gave it.
 *
 * <p>{@code ProcessBuilder.start()} is fork and exec in one step: the new process never runs a
 * line of this program, so there is no child branch here at all.
 */
public final class ForkExec {

    public static void main(String[] args) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        int parm = 0;
        while (true) {
            parm += 1;
            Process child;
            try {
                child = Relaunch.builder(HelloChild.class, Integer.toString(parm)).inheritIO().start();
            } catch (IOException e) {
                throw new AssertionError("error starting program", e);
            }
            System.out.println("Child is " + child.pid());
            // The program ends with this parent (Relaunch's watch): wait, so a quick q cannot cut it off.
            child.waitFor();
            String line = input.readLine();
            if (line == null || line.equals("q")) {
                break;
            }
        }
    }
}

/* Output: (vary 8011 8124)
Child is 8011
Hello from child 8011 1
Child is 8124
Hello from child 8124 2
*/
