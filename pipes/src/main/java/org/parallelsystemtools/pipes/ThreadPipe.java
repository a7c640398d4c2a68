package org.parallelsystemtools.pipes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Lutz {@code pipe-thread.py}: the writer of {@code pipe1.py} as a thread of the same process,
 * so one pid prints everything. A pipe works between threads as between processes, and keeps
 * its byte-stream manners: one 32-byte read may still return two messages.
 *
 * <p>As in the book, the writer thread writes for ever and the reader reads until Ctrl-C.
 */
public final class ThreadPipe {

    public static void main(String[] args) throws Exception {
        // os.pipe(): on Linux and macOS Pipe.open() is a real pipe(2), two file descriptors.
        Pipe pipe = Pipe.open();
        // threading.Thread(target=child, ...), not a daemon in either. Python's Ctrl-C ends
        // only the main thread, then waits for the writer until a second Ctrl-C; a JVM's
        // SIGINT runs its shutdown and halts every thread at once.
        new Thread(() -> child(pipe.sink())).start();
        parent(pipe.source());
    }

    /** The writer thread: {@code Spam 000} ... {@code Spam 004} and again, after 0, 1, 2, 3, 4 s. */
    static void child(Pipe.SinkChannel pipeout) {
        try {
            for (int zzz = 0; ; zzz = (zzz + 1) % 5) {
                Pace.sleep(zzz);
                ByteBuffer msg = ByteBuffer.wrap(String.format("Spam %03d", zzz).getBytes(StandardCharsets.US_ASCII));
                while (msg.hasRemaining()) {   // a channel may write less than asked; a pipe with room does not
                    pipeout.write(msg);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reader: at most 32 bytes per read, as {@code os.read(pipein, 32)}. */
    static void parent(Pipe.SourceChannel pipein) throws IOException {
        ByteBuffer line = ByteBuffer.allocate(32);
        while (pipein.read(line.clear()) != -1) {
            String chunk = new String(line.array(), 0, line.position(), StandardCharsets.US_ASCII);
            System.out.printf("Parent %d got [b'%s'] at %s%n", ProcessHandle.current().pid(), chunk, now());
        }
    }

    /** time.time(), with the two decimals the book shows. */
    static String now() {
        return String.format(Locale.ROOT, "%.2f", System.currentTimeMillis() / 1000.0);
    }
}
/* Output: (vary 32552; times)
Parent 32552 got [b'Spam 000'] at 1796248094.60
Parent 32552 got [b'Spam 001'] at 1796248095.56
Parent 32552 got [b'Spam 002'] at 1796248097.59
Parent 32552 got [b'Spam 003'] at 1796248100.58
Parent 32552 got [b'Spam 004'] at 1796248104.58
Parent 32552 got [b'Spam 000'] at 1796248104.58
Parent 32552 got [b'Spam 001'] at 1796248105.62
Parent 32552 got [b'Spam 002'] at 1796248107.63
Parent 32552 got [b'Spam 003'] at 1796248110.63
*/
