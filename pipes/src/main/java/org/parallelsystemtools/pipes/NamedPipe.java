package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Two separate programs that share nothing but a path talk through a named pipe (FIFO).
 *
 * <p>{@code --reader PATH} and {@code --writer PATH} are the two sides; run each in its own
 * terminal, in either order. Whichever side finds no FIFO at PATH makes it with {@code mkfifo}
 * (Java has no mkfifo call) and removes it when done. Opening a FIFO blocks until the other side
 * opens it too. Without arguments the program makes a FIFO in a temporary folder and starts both
 * sides as two child processes.
 */
public final class NamedPipe {
    private static final String SYNOPSIS = "[--reader PATH | --writer PATH] [--count N] [--scale SECONDS]";

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String reader;
        String writer;
        long count;
        double scale;
        try {
            Cli cli = new Cli(args, Set.of("--reader", "--writer", "--count", "--scale"), Set.of());
            reader = cli.text("--reader", null);
            writer = cli.text("--writer", null);
            count = cli.number("--count", 5, 1, Long.MAX_VALUE);
            scale = cli.decimal("--scale", 0.25);
            if (reader != null && writer != null) {
                throw new Cli.UsageException("--reader and --writer are two separate programs: pick one");
            }
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "NamedPipe", e, SYNOPSIS);
        }
        try {
            if (reader != null) {
                return withFifo(Path.of(reader), fifo -> reader(fifo, out));
            } else if (writer != null) {
                return withFifo(Path.of(writer), fifo -> writer(fifo, count, scale, out));
            }
            return demo(count, scale, out);
        } catch (IOException e) {
            err.println("NamedPipe: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /** The reading side: prints every line that comes through the FIFO until the writer closes it. */
    private static int reader(Path fifo, PrintStream out) throws IOException {
        long pid = ProcessHandle.current().pid();
        out.printf("Reader %d waiting for a writer on %s%n", pid, fifo);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Files.newInputStream(fifo), StandardCharsets.US_ASCII))) { // open blocks until a writer opens
            String line;
            while ((line = in.readLine()) != null) {
                out.printf("Reader %d got [%s] at %s%n", pid, line, Cli.now());
            }
        }
        out.printf("Reader %d got end of file%n", pid);
        return 0;
    }

    /** The writing side: the seed's messages, each one line, each one write(2). */
    private static int writer(Path fifo, long count, double scale, PrintStream out)
            throws IOException, InterruptedException {
        long pid = ProcessHandle.current().pid();
        out.printf("Writer %d waiting for a reader on %s%n", pid, fifo);
        // WRITE without CREATE: if the FIFO vanished we fail instead of making a plain file.
        try (OutputStream pipeOut = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
            int zzz = 0;
            for (long i = 0; i < count; i++) {
                Cli.pause(zzz, scale);
                pipeOut.write(String.format("Spam %03d from %d%n", zzz, pid).getBytes(StandardCharsets.US_ASCII));
                zzz = (zzz + 1) % 5;
            }
        }
        out.printf("Writer %d sent %d messages%n", pid, count);
        return 0;
    }

    /** No arguments: a FIFO in a temporary folder, and the two sides as two separate processes. */
    private static int demo(long count, double scale, PrintStream out) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("namedpipe");
        Path fifo = dir.resolve("spam.fifo");
        Process reader = null;
        Process writer = null;
        try {
            makeFifo(fifo);
            out.printf("Parent %d made FIFO %s%n", ProcessHandle.current().pid(), fifo);
            reader = Relaunch.start(NamedPipe.class, "--reader", fifo.toString());
            writer = Relaunch.start(NamedPipe.class, "--writer", fifo.toString(),
                    "--count", Long.toString(count), "--scale", Double.toString(scale));
            reader.getOutputStream().close();
            writer.getOutputStream().close();
            Thread relay = relayLines(writer, out); // both sides' lines, in the order they come
            relayLines(reader, out).join();
            relay.join();
            int status = reader.waitFor() | writer.waitFor();
            return status == 0 ? 0 : 1;
        } finally {
            Relaunch.stop(writer);
            Relaunch.stop(reader);
            Files.deleteIfExists(fifo);
            Files.deleteIfExists(dir);
            out.printf("Parent %d removed %s: %s%n", ProcessHandle.current().pid(), fifo,
                    Files.exists(fifo) ? "still there!" : "gone");
        }
    }

    private static Thread relayLines(Process side, PrintStream out) {
        Thread relay = new Thread(() -> {
            try (BufferedReader lines = side.inputReader(StandardCharsets.US_ASCII)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.println(line); // println on one PrintStream is synchronized: lines stay whole
                }
            } catch (IOException e) {
                out.println("NamedPipe: lost the output of process " + side.pid() + ": " + e.getMessage());
            }
        }, "relay-" + side.pid());
        relay.start();
        return relay;
    }

    interface Side {
        int talk(Path fifo) throws IOException, InterruptedException;
    }

    /** Uses the FIFO at path, making it first if missing; the side that made it removes it. */
    private static int withFifo(Path fifo, Side side) throws IOException, InterruptedException {
        boolean made = false;
        if (!Files.exists(fifo)) {
            made = makeFifo(fifo);
        }
        BasicFileAttributes attrs = Files.readAttributes(fifo, BasicFileAttributes.class);
        if (!attrs.isOther()) { // a FIFO is neither a file, a folder nor a link
            throw new IOException(fifo + " exists and is not a FIFO");
        }
        Thread cleanup = new Thread(() -> {
            try {
                Files.deleteIfExists(fifo);
            } catch (IOException ignored) {
                // nothing more to do while the JVM is going down
            }
        });
        if (made) {
            Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C while blocked in open()
        }
        try {
            return side.talk(fifo);
        } finally {
            if (made) {
                Files.deleteIfExists(fifo); // the other side may still have it open: that is fine
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException alreadyExiting) {
                    // the hook runs anyway
                }
            }
        }
    }

    /** Runs mkfifo; returns false if the other side made the FIFO a moment before us. */
    static boolean makeFifo(Path fifo) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot make a FIFO: no mkfifo command here (named pipes need Linux, macOS or another Unix)");
        }
        String message = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (mkfifo.waitFor() != 0) {
            if (Files.exists(fifo)) {
                return false;
            }
            throw new IOException("mkfifo failed: " + message);
        }
        return true;
    }
}
