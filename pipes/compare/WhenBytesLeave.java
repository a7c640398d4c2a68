import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;

/**
 * When do bytes written to standard output reach the pipe? Each case writes to descriptor 1,
 * then marks its end on standard error (descriptor 2). Watch the system calls:
 *
 *   strace -f -e trace=write -e signal=none java pipes/compare/WhenBytesLeave.java 2>&1 >/dev/null | grep -v '^\[pid.*resumed'
 *
 * A case whose write(1, ...) comes before its "end of case" mark sent its bytes at once; one
 * whose write(1, ...) comes later was held in a buffer.
 */
public class WhenBytesLeave {
    public static void main(String[] args) throws Exception {
        byte[] bytes = "1: System.out.write(bytes, 0, n)|".getBytes();
        System.out.write(bytes, 0, bytes.length);
        mark(1);

        System.out.print("2: System.out.print, no newline|");
        mark(2);

        System.out.println("3: System.out.println");
        mark(3);

        PrintStream noAutoflush = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        noAutoflush.println("4: println on a PrintStream over a BufferedOutputStream, no autoflush");
        mark(4);

        Writer writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out)));
        writer.write("5: BufferedWriter.write, with a newline\n");
        mark(5);

        writer.flush();
        mark(6);   // case 5 leaves here, at its flush
        noAutoflush.flush();
        mark(7);   // case 4 leaves here, at its flush

        // A child's standard input, as ProcessBuilder gives it, is a BufferedOutputStream.
        Process cat = new ProcessBuilder("cat").redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        OutputStream toCat = cat.getOutputStream();
        toCat.write("8: Process.getOutputStream().write, through cat\n".getBytes());
        mark(8);
        toCat.flush();
        cat.getOutputStream().close();
        cat.waitFor();
        mark(9);   // case 8 left at the flush: cat wrote it before this mark
    }

    private static void mark(int n) {
        System.err.println("end of case " + n);
    }
}
