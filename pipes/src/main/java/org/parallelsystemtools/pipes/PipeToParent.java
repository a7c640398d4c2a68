package org.parallelsystemtools.pipes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lutz {@code pipe1.py}: a child process writes into an anonymous pipe, its parent reads it.
 * A pipe is a stream of bytes, not of messages: one 32-byte read may return two messages
 * ({@code b'Spam 004Spam 000'}), because nothing marks where one ends.
 *
 * <p>As in the book, the child writes for ever and the parent reads until Ctrl-C, which ends
 * both: the terminal sends SIGINT to the whole job, and a child whose parent has gone another way
 * ends within 50 ms ({@link Relaunch}).
 */
public final class PipeToParent {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        // os.pipe() + os.fork(): Java cannot fork, so the child is this class in a new JVM,
        // and the pipe is the child's standard output, which ProcessBuilder connects to us.
        Process child = Relaunch.start(PipeToParent.class);
        InputStream pipein = child.getInputStream();
        byte[] line = new byte[32];
        // Until Ctrl-C, which Python reports with a KeyboardInterrupt traceback from each
        // process; a JVM ends on SIGINT silently, with status 130.
        for (int n; (n = pipein.read(line, 0, 32)) != -1; ) {   // os.read(pipein, 32)
            System.out.printf("Parent %d got [%s] at %s%n",
                    ProcessHandle.current().pid(), bytesLiteral(line, n), now());
        }
    }

    /** The child: {@code Spam 000} ... {@code Spam 004} and again, after 0, 1, 2, 3, 4 s. */
    static void child() {
        for (int zzz = 0; ; zzz = (zzz + 1) % 5) {
            Pace.sleep(zzz);
            byte[] msg = String.format("Spam %03d", zzz).getBytes(StandardCharsets.US_ASCII);
            // os.write(pipeout, msg): one write(2) into the pipe, newline or not. System.out is
            // built with autoflush, and then write(bytes, off, len) flushes at every call; the
            // streams that hold bytes back are the buffered ones a program builds (TwoWayPipe).
            System.out.write(msg, 0, msg.length);
        }
    }

    /** How Python 3 prints a bytes object: {@code b'Spam 000'}. */
    static String bytesLiteral(byte[] bytes, int n) {
        return "b'" + new String(bytes, 0, n, StandardCharsets.US_ASCII) + "'";
    }

    /** time.time(), with the two decimals the book shows. */
    static String now() {
        return String.format(Locale.ROOT, "%.2f", System.currentTimeMillis() / 1000.0);
    }
}
/* Output: (vary 32543; times)
Parent 32543 got [b'Spam 000'] at 1796248094.91
Parent 32543 got [b'Spam 001'] at 1796248095.90
Parent 32543 got [b'Spam 002'] at 1796248097.90
Parent 32543 got [b'Spam 003'] at 1796248100.90
Parent 32543 got [b'Spam 004'] at 1796248104.90
Parent 32543 got [b'Spam 000'] at 1796248104.90
Parent 32543 got [b'Spam 001'] at 1796248105.91
Parent 32543 got [b'Spam 002'] at 1796248107.91
Parent 32543 got [b'Spam 003'] at 1796248110.91
*/
