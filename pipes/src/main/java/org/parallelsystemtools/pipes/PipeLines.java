package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lutz {@code pipe2.py}: the same pipe as {@code pipe1.py}, with a newline after each message.
 * The newline is a small protocol on top of the byte stream: the parent reads whole lines, so
 * two messages never come out as one, however the bytes arrived.
 *
 * <p>As in the book, the child writes for ever and the parent reads until Ctrl-C ends both.
 */
public final class PipeLines {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        Process child = Relaunch.start(PipeLines.class);
        // os.fdopen(pipein): the pipe as a text file that reads lines. The book closes the
        // ends each side does not use; ProcessBuilder hands the parent only its own end.
        BufferedReader pipein = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        for (String line; (line = pipein.readLine()) != null; ) {
            System.out.printf("Parent %d got [%s] at %s%n", ProcessHandle.current().pid(), line, now());
        }
    }

    /** The child: {@code Spam 000\n} ... {@code Spam 004\n} and again, after 0, 1, 2, 3, 4 s. */
    static void child() {
        for (int zzz = 0; ; zzz = (zzz + 1) % 5) {
            Pace.sleep(zzz);
            byte[] msg = String.format("Spam %03d\n", zzz).getBytes(StandardCharsets.US_ASCII);
            System.out.write(msg, 0, msg.length);   // os.write(pipeout, msg): one write(2)
        }
    }

    /** time.time(), with the two decimals the book shows. */
    static String now() {
        return String.format(Locale.ROOT, "%.2f", System.currentTimeMillis() / 1000.0);
    }
}
/* Output:
Parent 14123 got [Spam 000] at 1796002812.29
Parent 14123 got [Spam 001] at 1796002813.30
Parent 14123 got [Spam 002] at 1796002815.30
Parent 14123 got [Spam 003] at 1796002818.30
Parent 14123 got [Spam 004] at 1796002822.30
Parent 14123 got [Spam 000] at 1796002822.30
Parent 14123 got [Spam 001] at 1796002823.30
Parent 14123 got [Spam 002] at 1796002825.30
Parent 14123 got [Spam 003] at 1796002828.30
Parent 14123 got [Spam 004] at 1796002832.30
*/
