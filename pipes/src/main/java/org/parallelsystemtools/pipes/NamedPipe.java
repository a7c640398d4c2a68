package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Lutz {@code pipefifo.py}: a named pipe, a FIFO with a path in the file system, joins two
 * programs that share nothing else. Run it with no argument to read, and with any argument in
 * another terminal to write; each side's open waits until the other side has opened too.
 *
 * <p>The FIFO is {@code /tmp/pipefifo} (the JVM's temporary folder). The book leaves it behind;
 * here the side that made it removes it when it ends, normally, on Ctrl-C or on {@code kill}.
 * The book's writer writes for ever; here it stops after {@link #MESSAGES} messages, and the
 * reader stops at the end of file that follows.
 */
public final class NamedPipe {

    static final int MESSAGES = 10;
    static final Path FIFONAME = Path.of(System.getProperty("java.io.tmpdir"), "pipefifo");

    public static void main(String[] args) throws Exception {
        // os.mkfifo(fifoname): the JDK has no call for it, so run the mkfifo command. If the
        // other side makes it first, ours fails; then it is theirs to remove, not ours.
        if (!Files.exists(FIFONAME)) {
            Process mkfifo = new ProcessBuilder("mkfifo", FIFONAME.toString()).redirectErrorStream(true).start();
            String complaint = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (mkfifo.waitFor() == 0) {
                FIFONAME.toFile().deleteOnExit();   // at exit, Ctrl-C (INT) and kill (TERM); not kill -9
            } else if (!Files.exists(FIFONAME)) {
                System.err.print(complaint);
                System.exit(1);
            }
        }
        if (args.length == 0) {
            parent();
        } else {
            child();
        }
    }

    /** The writer: {@code Spam 000\n} ... {@code Spam 004\n} and again, after 0, 1, 2, 3, 4 s. */
    static void child() throws Exception {
        try (OutputStream pipeout = new FileOutputStream(FIFONAME.toFile())) {   // blocks for a reader
            for (int i = 0, zzz = 0; i < MESSAGES; i++, zzz = (zzz + 1) % 5) {
                Pace.sleep(zzz);
                pipeout.write(String.format("Spam %03d\n", zzz).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** The reader: one line at a time until the writer closes its end. */
    static void parent() throws Exception {
        try (BufferedReader pipein = new BufferedReader(new InputStreamReader(   // blocks for a writer
                new FileInputStream(FIFONAME.toFile()), StandardCharsets.US_ASCII))) {
            for (String line; (line = pipein.readLine()) != null; ) {
                System.out.printf("Parent %d got \"%s\" at %s%n", ProcessHandle.current().pid(), line, now());
            }
        }
    }

    /** time.time(), with the two decimals the book shows. */
    static String now() {
        return String.format(Locale.ROOT, "%.2f", System.currentTimeMillis() / 1000.0);
    }
}
/* Output:
Parent 14159 got "Spam 000" at 1796002808.57
Parent 14159 got "Spam 001" at 1796002809.64
Parent 14159 got "Spam 002" at 1796002811.68
Parent 14159 got "Spam 003" at 1796002814.66
Parent 14159 got "Spam 004" at 1796002818.66
Parent 14159 got "Spam 000" at 1796002818.66
Parent 14159 got "Spam 001" at 1796002819.66
Parent 14159 got "Spam 002" at 1796002821.67
Parent 14159 got "Spam 003" at 1796002824.67
Parent 14159 got "Spam 004" at 1796002828.67
*/
