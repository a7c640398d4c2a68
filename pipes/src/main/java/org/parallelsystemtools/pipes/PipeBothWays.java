package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Deitel Fig. 18.10: two pipes between a parent and its child, one for each direction. The
 * parent sends 1 to 10; the child answers each number with twenty times it, and stops when the
 * parent closes its end.
 *
 * <p>The figure sends bare digits and reads up to 64 bytes, which works only because each side
 * waits for the other's answer; here each number ends with a newline, so a read returns exactly
 * one whatever the timing.
 */
public final class PipeBothWays {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        // Two os.pipe()s and os.fork(): the child JVM's standard input and output are the pipes.
        Process child = Relaunch.start(PipeBothWays.class);
        PrintStream parentToChildWrite = new PrintStream(child.getOutputStream(), true, StandardCharsets.US_ASCII);
        BufferedReader childToParentRead = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        for (int i = 1; i < 11; i++) {
            parentToChildWrite.println(i);   // autoflush: println sends the line at once
            System.out.printf("Parent: %d, Child: %s%n", i, childToParentRead.readLine());
        }
        parentToChildWrite.close();   // the child's read now returns end of file
        childToParentRead.close();
        child.waitFor();   // the figure never waits; a JVM reaps its child anyway
    }

    /** The child: reads a number, writes twenty times it, until end of file. */
    static void child() throws Exception {
        BufferedReader parentToChildRead = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        for (String input; (input = parentToChildRead.readLine()) != null; ) {
            System.out.println(20 * Integer.parseInt(input));
        }
    }
}
/* Output:
Parent: 1, Child: 20
Parent: 2, Child: 40
Parent: 3, Child: 60
Parent: 4, Child: 80
Parent: 5, Child: 100
Parent: 6, Child: 120
Parent: 7, Child: 140
Parent: 8, Child: 160
Parent: 9, Child: 180
Parent: 10, Child: 200
*/
