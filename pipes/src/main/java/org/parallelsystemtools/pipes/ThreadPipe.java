package org.parallelsystemtools.pipes;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.Set;

/**
 * A pipe between two threads of one JVM: a producer thread writes the seed's messages into a
 * {@link java.nio.channels.Pipe}, the consumer (the main thread) reads 32-byte chunks from it.
 *
 * <p>On Linux and macOS {@code Pipe.open()} is a real OS pipe (two file descriptors), so the same
 * byte-stream rules hold: one read may return several messages. Threads share memory, so a
 * {@code BlockingQueue} of whole messages is usually the better tool; a pipe fits when one side
 * is code that wants a channel or stream. The program ends with the classic pitfall of
 * {@link PipedInputStream}: a writer thread that ends without {@code close()}.
 */
public final class ThreadPipe {
    private static final String SYNOPSIS = "[--count N] [--scale SECONDS] [--chunk BYTES]";

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long count;
        double scale;
        int chunk;
        try {
            Cli cli = new Cli(args, Set.of("--count", "--scale", "--chunk"), Set.of());
            count = cli.number("--count", 10, 1, Long.MAX_VALUE);
            scale = cli.decimal("--scale", 0.25);
            chunk = (int) cli.number("--chunk", 32, 1, 1 << 20);
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "ThreadPipe", e, SYNOPSIS);
        }
        try {
            channelPipe(count, scale, chunk, out);
            pipedStreamPitfall(out);
            return 0;
        } catch (IOException e) {
            err.println("ThreadPipe: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void channelPipe(long count, double scale, int chunk, PrintStream out)
            throws IOException, InterruptedException {
        Pipe pipe = Pipe.open();
        Thread producer = new Thread(() -> {
            try (Pipe.SinkChannel sink = pipe.sink()) {
                int zzz = 0;
                for (long i = 0; i < count; i++) {
                    Cli.pause(zzz, scale);
                    ByteBuffer msg = ByteBuffer.wrap(Cli.spam(zzz, ""));
                    while (msg.hasRemaining()) {
                        sink.write(msg);
                    }
                    zzz = (zzz + 1) % 5;
                }
            } catch (IOException | InterruptedException e) {
                out.println("ThreadPipe: producer stopped: " + e);
            } // closing the sink is what gives the reader its end of file
        }, "producer");
        producer.setDaemon(true); // Ctrl-C must not wait for it
        producer.start();
        try (Pipe.SourceChannel source = pipe.source()) {
            ByteBuffer buf = ByteBuffer.allocate(chunk);
            while (source.read(buf.clear()) != -1) {
                out.printf("Consumer got [%s] at %s%n", Cli.bytes(buf.array(), buf.position()), Cli.now());
            }
        }
        producer.join();
        out.printf("Consumer got end of file: thread %s closed the sink%n", producer.getName());
    }

    /**
     * PipedInputStream remembers which thread wrote last. If that thread has ended without
     * closing the PipedOutputStream, the reader does not see end of file: it gets an IOException
     * ("Write end dead", or "Pipe broken" if it was already waiting). Always close the writer.
     */
    private static void pipedStreamPitfall(PrintStream out) throws IOException, InterruptedException {
        PipedInputStream in = new PipedInputStream();
        PipedOutputStream pipeOut = new PipedOutputStream(in);
        Thread careless = new Thread(() -> {
            try {
                pipeOut.write(Cli.spam(0, ""));
            } catch (IOException e) {
                out.println("ThreadPipe: " + e);
            } // no pipeOut.close(): the bug this part shows
        }, "careless-writer");
        careless.start();
        careless.join();
        byte[] buf = new byte[32];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                out.printf("Consumer got [%s] from the piped stream%n", Cli.bytes(buf, n));
            }
            out.println("Piped stream: end of file");
        } catch (IOException e) {
            out.printf("Piped stream: thread %s ended without close(), next read failed: %s%n",
                    careless.getName(), e.getMessage());
        }
    }
}
