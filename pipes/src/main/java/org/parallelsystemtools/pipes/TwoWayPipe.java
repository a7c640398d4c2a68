package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Lutz {@code pipes.py} with {@code pipes-testchild.py}: two pipes, one each way, and two
 * programs that talk through them with plain print and input. A line that sits in a buffer
 * never reaches the other side, and then both wait for ever: what each side prints must leave.
 *
 * <p>Everything shown goes to standard error, which stays on the console; standard output and
 * input are the pipes.
 */
public final class TwoWayPipe {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            testChild(args[1]);
            return;
        }
        long mypid = ProcessHandle.current().pid();
        // spawn('python', 'pipes-testchild.py', 'spam'): the book makes two pipes and dup2()s
        // them over each side's stdin and stdout. A Java child gets exactly that from
        // ProcessBuilder; the parent keeps its own console and holds the two ends as streams.
        Process child = Relaunch.start(TwoWayPipe.class, "spam");
        PrintStream toChild = new PrintStream(child.getOutputStream(), false, StandardCharsets.UTF_8);
        BufferedReader fromChild = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));

        toChild.println("Hello 1 from parent " + mypid);
        toChild.flush();   // sys.stdout.flush(): without it the line waits in an 8 KiB buffer
        System.err.printf("Parent got: \"%s\"%n", fromChild.readLine());

        toChild.println("Hello 2 from parent " + mypid);
        toChild.flush();
        System.err.printf("Parent got: \"%s\"%n", fromChild.readLine());
        child.waitFor();
    }

    /** {@code pipes-testchild.py}: reads two lines, answers each, pausing 3 s before and after. */
    static void testChild(String arg) throws Exception {
        long mypid = ProcessHandle.current().pid();
        long parentpid = ProcessHandle.current().parent().orElseThrow().pid();
        System.err.printf("Child %d of %d got arg: \"%s\"%n", mypid, parentpid, arg);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (int i = 0; i < 2; i++) {
            Pace.sleep(3);
            String recv = stdin.readLine();   // input()
            Pace.sleep(3);
            // No sys.stdout.flush(): System.out is built with autoflush, and every piece a
            // printf writes is a write(2) into the pipe before printf returns.
            System.out.printf("Child %d got: [%s]%n", mypid, recv);
        }
    }
}
/* Output: (vary 465 32539)
Child 465 of 32539 got arg: "spam"
Parent got: "Child 465 got: [Hello 1 from parent 32539]"
Parent got: "Child 465 got: [Hello 2 from parent 32539]"
*/
