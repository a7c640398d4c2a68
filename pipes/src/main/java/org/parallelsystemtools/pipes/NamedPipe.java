package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Lutz {@code pipefifo.py}: a named pipe, a FIFO with a path in the file system, joins two
 * programs that share nothing else. Run it with no argument to read, and with any argument in
 * another terminal to write; each side's open waits until the other side has opened too.
 *
 * <p>The FIFO is {@code /tmp/pipefifo} (the JVM's temporary folder). The book leaves it behind;
 * here the side that made it removes it at its end: the writer's is Ctrl-C, as in the book.
 */
public final class NamedPipe {

    static final Path FIFONAME = Path.of(System.getProperty("java.io.tmpdir"), "pipefifo");

    public static void main(String[] args) throws Exception {
        // os.mkfifo(fifoname): the JDK has no call for it, so run the mkfifo command. If the
        // other side makes it first, ours fails; then it is theirs to remove, not ours.
        if (!Files.exists(FIFONAME, LinkOption.NOFOLLOW_LINKS) && new ProcessBuilder("mkfifo", FIFONAME.toString())
                .redirectErrorStream(true).redirectOutput(Redirect.DISCARD).start().waitFor() == 0) {
            FIFONAME.toFile().deleteOnExit();   // at exit, Ctrl-C (INT) and kill (TERM); not kill -9
        }
        // The book trusts whatever has the name. In a shared /tmp anyone can put a file or a
        // symbolic link there first, so look at the name itself, never where a link leads.
        try {
            String found = kind(FIFONAME);
            if (!found.equals("a FIFO")) {
                System.err.println("NamedPipe: " + FIFONAME + " must be a FIFO (named pipe) or missing, and it is "
                        + found + "; left as it is (usage: NamedPipe [child])");
                System.exit(2);
            }
            if (args.length == 0) {
                parent();
            } else {
                child();
            }
        } catch (IOException e) {   // the reader has gone (Python: BrokenPipeError), or no permission
            System.err.println("NamedPipe: " + FIFONAME + ": "
                    + (e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException f ? f.getReason() : e.getMessage()));
            System.exit(1);
        }
    }

    /** The writer: {@code Spam 000\n} ... {@code Spam 004\n} and again, after 0, 1, 2, 3, 4 s. */
    static void child() throws IOException {
        // os.open(fifoname, os.O_WRONLY): no O_CREAT, no O_TRUNC, and O_NOFOLLOW.
        try (OutputStream pipeout = Files.newOutputStream(FIFONAME, LinkOption.NOFOLLOW_LINKS,
                StandardOpenOption.WRITE)) {   // blocks for a reader
            for (int zzz = 0; ; zzz = (zzz + 1) % 5) {
                Pace.sleep(zzz);
                pipeout.write(String.format("Spam %03d\n", zzz).getBytes(StandardCharsets.US_ASCII));
            }
        }
    }

    /** The reader: one line at a time. */
    static void parent() throws IOException {
        try (BufferedReader pipein = new BufferedReader(new InputStreamReader(   // blocks for a writer
                Files.newInputStream(FIFONAME, LinkOption.NOFOLLOW_LINKS), StandardCharsets.US_ASCII))) {
            // Until the writer's end closes. The book's reader then prints empty lines for ever
            // (readline() returns '' at end of file); this one stops.
            for (String line; (line = pipein.readLine()) != null; ) {
                System.out.printf("Parent %d got \"%s\" at %s%n", ProcessHandle.current().pid(), line, now());
            }
        }
    }

    /** What is at {@code path} itself (st_mode's file type): a symbolic link is not followed. */
    static String kind(Path path) throws IOException {
        if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "missing, and mkfifo could not make it";
        }
        return switch ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000) {
            case 0010000 -> "a FIFO";
            case 0120000 -> "a symbolic link";
            case 0040000 -> "a folder";
            case 0100000 -> "a regular file";
            default -> "a socket or a device";
        };
    }

    /** time.time(), with the two decimals the book shows. */
    static String now() {
        return String.format(Locale.ROOT, "%.2f", System.currentTimeMillis() / 1000.0);
    }
}
/* Output: (vary 7061; times)
Parent 7061 got "Spam 000" at 1796248115.97
Parent 7061 got "Spam 001" at 1796248116.98
Parent 7061 got "Spam 002" at 1796248118.98
Parent 7061 got "Spam 003" at 1796248121.98
*/
