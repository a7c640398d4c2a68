package org.parallelsystemtools.pipes.beyond;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Locale;
import org.parallelsystemtools.pipes.Relaunch;

/**
 * Bytes per second through an anonymous pipe from a child JVM to its parent: the measurement
 * beside {@code compare/pipe_throughput.py} and {@code dd | dd} (see {@code compare/compare.sh}).
 * The last line is {@code pipe: N MB/s} (MB = 10^6 bytes, as dd counts).
 *
 * <p>Only the transfer is timed: the child first sends one ready byte, and the clock starts
 * when the parent has it, so JVM start-up is not counted.
 */
public final class PipeThroughput {

    private static final String USAGE = "PipeThroughput [--mb N] [--block BYTES]";

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            child(Long.parseLong(args[1]), Integer.parseInt(args[2]));
            return;
        }
        Options options = new Options("PipeThroughput", USAGE, args, "--mb", "--block");
        options.positional(0);
        long total = (long) options.whole("--mb", 2048, 1, 65536) << 20;
        // 64 KiB: the pipe's capacity, and the block size of the dd pair and the Python program.
        int block = options.whole("--block", 1 << 16, 512, 1 << 24);
        // Rough guess from this machine: about 3 GB/s for big blocks, plus a few microseconds
        // for each pair of system calls, which is what small blocks cost.
        double guess = total / 3e9 + (double) total / block * 4e-6;
        System.out.printf(Locale.ROOT, "PipeThroughput: moving %d MiB from a child JVM through a pipe, %d bytes a call;"
                + " about %.0f s%n", total >> 20, block, Math.max(1, guess));

        long pid = ProcessHandle.current().pid();
        Process child = Relaunch.start(PipeThroughput.class, Long.toString(total), Integer.toString(block));
        try {
            child.getOutputStream().close();
            InputStream pipeIn = child.getInputStream();
            if (pipeIn.read() != 'R') {
                System.err.println("PipeThroughput: the child did not start");
                System.exit(1);
            }
            // One array, reused: a read of 8 KiB or more bypasses the stream's own buffer and goes
            // straight to read(2), which returns at most what the pipe holds (64 KiB). A bigger
            // array gains nothing: Java reads into a native buffer of the array's size and copies
            // from there, and 1 MiB no longer fits the CPU caches.
            byte[] buf = new byte[block];
            long got = 0;
            long t0 = System.nanoTime();
            for (int n; (n = pipeIn.read(buf, 0, block)) != -1; ) {
                got += n;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            int status = child.waitFor();
            System.out.printf(Locale.ROOT, "Parent %d read %d bytes from child %d in %.2f s (child exit %d)%n",
                    pid, got, child.pid(), seconds, status);
            if (got != total || status != 0) {
                System.err.println("PipeThroughput: expected " + total + " bytes, got " + got);
                System.exit(1);
            }
            System.out.printf(Locale.ROOT, "pipe: %.0f MB/s%n", got / seconds / 1e6);
        } finally {
            Relaunch.stop(child);
        }
    }

    /** The writer: a direct buffer written through a channel on descriptor 1, no copies in Java. */
    private static void child(long total, int block) throws IOException {
        FileChannel pipeOut = new FileOutputStream(FileDescriptor.out).getChannel();
        ByteBuffer ready = ByteBuffer.wrap(new byte[] {'R'});
        while (ready.hasRemaining()) {
            pipeOut.write(ready);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(block);
        long left = total;
        while (left > 0) {
            buffer.clear().limit((int) Math.min(block, left));
            left -= pipeOut.write(buffer);   // write(2) of the whole block; it waits while the pipe is full
        }
        pipeOut.close();
    }
}
