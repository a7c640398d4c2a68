package org.parallelsystemtools.pipes;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Set;

/**
 * Measures bytes per second through an anonymous pipe from a child process to its parent, the
 * Java twin of {@code ../shared/anchors/pipe_bench.py} and of {@code dd if=/dev/zero bs=64k | dd
 * of=/dev/null bs=64k}. The last line is {@code pipe: N MB/s} (MB = 10^6 bytes).
 *
 * <p>Only the transfer is timed: the child first sends one ready byte, and the clock starts when
 * the parent has it, so JVM start-up is not counted.
 */
public final class PipeThroughput {
    private static final String SYNOPSIS = "[--bytes N] [--chunk BYTES]";

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--child")) {
            child(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long total;
        int chunk;
        try {
            Cli cli = new Cli(args, Set.of("--bytes", "--chunk"), Set.of());
            total = cli.number("--bytes", 2L << 30, 1, Long.MAX_VALUE / 2);
            // 64 KiB, the pipe's capacity and the block size of the dd pair and pipe_bench.py.
            chunk = (int) cli.number("--chunk", 1 << 16, 1, 1 << 30);
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "PipeThroughput", e, SYNOPSIS);
        }
        long pid = ProcessHandle.current().pid();
        Process child = null;
        try {
            child = Relaunch.start(PipeThroughput.class, "--child", Long.toString(total), Integer.toString(chunk));
            child.getOutputStream().close();
            InputStream pipeIn = child.getInputStream();
            if (pipeIn.read() != 'R') {
                err.println("PipeThroughput: the child did not start");
                return 1;
            }
            // One array, reused: a read of 8 KiB or more bypasses the stream's own buffer and goes
            // straight to read(2), which returns at most what the pipe holds (64 KiB). A bigger
            // array gains nothing and costs: Java reads into a native buffer of the array's size
            // and copies from there, and 1 MiB no longer fits the CPU caches (0.8 x dd, not 1.1 x).
            byte[] buf = new byte[chunk];
            long got = 0;
            long t0 = System.nanoTime();
            int n;
            while ((n = pipeIn.read(buf, 0, chunk)) != -1) {
                got += n;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int status = child.waitFor();
            out.printf("Parent %d read %d bytes from child %d in %.2f s (child exit %d)%n",
                    pid, got, child.pid(), seconds, status);
            if (got != total) {
                err.println("PipeThroughput: expected " + total + " bytes, got " + got);
                return 1;
            }
            out.printf("pipe: %.0f MB/s%n", got / seconds / 1e6);
            return 0;
        } catch (IOException e) {
            err.println("PipeThroughput: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.stop(child);
        }
    }

    /** The writer: a direct buffer written through a channel on descriptor 1, no copies in Java. */
    private static void child(long total, int chunk) throws IOException {
        Relaunch.exitWithParent();
        FileChannel pipeOut = new FileOutputStream(FileDescriptor.out).getChannel();
        ByteBuffer ready = ByteBuffer.wrap(new byte[] {'R'});
        while (ready.hasRemaining()) {
            pipeOut.write(ready);
        }
        ByteBuffer block = ByteBuffer.allocateDirect(chunk);
        long left = total;
        while (left > 0) {
            block.clear().limit((int) Math.min(chunk, left));
            left -= pipeOut.write(block); // write(2) of the whole block; it blocks while the pipe is full
        }
        pipeOut.close();
    }
}
