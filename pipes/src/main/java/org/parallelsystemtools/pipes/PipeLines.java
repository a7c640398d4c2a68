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
/* Output: (vary 32537; times)
Parent 32537 got [Spam 000] at 1796248095.00
Parent 32537 got [Spam 001] at 1796248096.01
Parent 32537 got [Spam 002] at 1796248098.01
Parent 32537 got [Spam 003] at 1796248101.01
Parent 32537 got [Spam 004] at 1796248105.03
Parent 32537 got [Spam 000] at 1796248105.03
Parent 32537 got [Spam 001] at 1796248106.03
Parent 32537 got [Spam 002] at 1796248108.03
Parent 32537 got [Spam 003] at 1796248111.03
*/
