package org.parallelsystemtools.pipes;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Set;

/**
 * A child process writes {@code Spam 000}, {@code Spam 001}, ... into an anonymous pipe with
 * growing pauses; the parent reads fixed 32-byte chunks and prints what each read returned.
 *
 * <p>A pipe is a byte stream, not a message queue: one read may return several messages, or
 * (with a smaller {@code --chunk}) part of one. Java cannot fork, so the child is this same class
 * relaunched with the role argument {@code --child}; its standard output is the pipe.
 */
public final class PipeToParent {
    private static final String SYNOPSIS = "[--count N] [--scale SECONDS] [--chunk BYTES] [--forever]";

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("--child")) {
            // PipeLines starts this same child with a fourth argument, "--lines".
            child(Long.parseLong(args[1]), Double.parseDouble(args[2]), args.length == 4 ? "\n" : "");
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The parent: starts the child, then reads the pipe until the child closes its end. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        long count;
        double scale;
        int chunk;
        try {
            Cli cli = new Cli(args, Set.of("--count", "--scale", "--chunk"), Set.of("--forever"));
            count = cli.flag("--forever") ? -1 : cli.number("--count", 10, 1, Long.MAX_VALUE);
            scale = cli.decimal("--scale", 0.25);
            chunk = (int) cli.number("--chunk", 32, 1, 1 << 20);
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "PipeToParent", e, SYNOPSIS);
        }
        long pid = ProcessHandle.current().pid();
        Process child = null;
        try {
            child = Relaunch.start(PipeToParent.class, "--child", Long.toString(count), Double.toString(scale));
            child.getOutputStream().close(); // this child reads nothing from us
            InputStream pipeIn = child.getInputStream();
            byte[] buf = new byte[chunk];
            int n;
            // Like os.read(pipein, 32): blocks until at least one byte is there, then returns
            // whatever has arrived, up to 32 bytes. -1 means every writer closed its end.
            while ((n = pipeIn.read(buf, 0, chunk)) != -1) {
                out.printf("Parent %d got [%s] at %s%n", pid, Cli.bytes(buf, n), Cli.now());
            }
            out.printf("Parent %d got end of file: child %d exited with %d%n", pid, child.pid(), child.waitFor());
            return 0;
        } catch (IOException e) {
            err.println("PipeToParent: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.stop(child);
        }
    }

    /**
     * The child: the seed's loop, writing raw bytes straight into file descriptor 1, each
     * message followed by {@code end} (nothing here, a newline for {@link PipeLines}).
     */
    private static void child(long count, double scale, String end) throws InterruptedException {
        Relaunch.exitWithParent();
        // Not System.out: that PrintStream buffers. A FileOutputStream on descriptor 1 makes each
        // write() one write(2) system call, so every message enters the pipe at once, like os.write.
        OutputStream pipeOut = new FileOutputStream(FileDescriptor.out);
        int zzz = 0;
        try {
            for (long i = 0; count < 0 || i < count; i++) {
                Cli.pause(zzz, scale);
                pipeOut.write(Cli.spam(zzz, end));
                zzz = (zzz + 1) % 5;
            }
            pipeOut.close(); // the parent's read now returns -1
        } catch (IOException e) {
            Runtime.getRuntime().halt(0); // the parent closed its end (broken pipe): nobody to write to
        }
    }
}
