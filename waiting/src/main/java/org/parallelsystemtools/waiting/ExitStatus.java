package org.parallelsystemtools.waiting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;

/**
 * Lutz {@code testexit_fork.py}: each child exits with a status, and its parent's wait gets it.
 * The child adds one to its own copy of a counter, so every child exits with 1: memory is never shared.
 */
public final class ExitStatus {

    private static int exitstat = 0;

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in));
        while (true) {
            Process child = Relaunch.builder(ExitStatus.class).redirectOutput(Redirect.INHERIT).start();
            int code = child.waitFor();
            System.out.println("Parent got " + child.pid() + " " + rawStatus(code) + " " + code);
            String line = input.readLine();
            if (line == null || line.equals("q")) { // end of input quits too, where Python raises EOFError
                break;
            }
        }
    }

    private static void child() {
        exitstat += 1;
        System.out.println("Hello from child " + ProcessHandle.current().pid() + " " + exitstat);
        System.exit(exitstat); // this exit status is the lesson: the parent's wait receives it
        System.out.println("never reached");
    }

    /**
     * os.wait() gives the raw wait status: the exit code shifted left 8 bits, or for a child
     * killed by a signal, the signal number in the low bits. waitFor() has already decoded it:
     * a code, or 128 + N for a child killed by signal N, the shell's convention, which cannot
     * be told apart from a real exit(128 + N). So the raw form is rebuilt here for the shape.
     */
    private static int rawStatus(int code) {
        return code << 8;
    }
}

/* Output: (vary 23967 23989)
Hello from child 23967 1
Parent got 23967 256 1
Hello from child 23989 1
Parent got 23989 256 1
*/
