package org.parallelsystemtools.pipes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The same child and pipe as {@link PipeToParent}, but each message ends with a newline and the
 * parent reads line by line, so the message boundaries come back however the bytes were chunked.
 *
 * <p>Python wraps the descriptor with {@code os.fdopen(pipein)} and calls {@code readline()};
 * Java wraps the process's input stream in an {@link InputStreamReader} and a
 * {@link BufferedReader}. The newline is the protocol: the pipe itself keeps no boundaries.
 */
public final class PipeLines {
    private static final String SYNOPSIS = "[--count N] [--scale SECONDS] [--forever]";

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long count;
        double scale;
        try {
            Cli cli = new Cli(args, Set.of("--count", "--scale"), Set.of("--forever"));
            count = cli.flag("--forever") ? -1 : cli.number("--count", 10, 1, Long.MAX_VALUE);
            scale = cli.decimal("--scale", 0.25);
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "PipeLines", e, SYNOPSIS);
        }
        long pid = ProcessHandle.current().pid();
        Process child = null;
        try {
            // The child is PipeToParent's, told to end each message with a newline.
            child = Relaunch.start(PipeToParent.class, "--child", Long.toString(count), Double.toString(scale), "--lines");
            child.getOutputStream().close();
            // The reader buffers whatever each read(2) brings and hands back one line at a time,
            // without the newline; a half-arrived line waits inside the reader for its rest.
            BufferedReader pipeIn = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = pipeIn.readLine()) != null) {
                out.printf("Parent %d got [%s] at %s%n", pid, line, Cli.now());
            }
            out.printf("Parent %d got end of file: child %d exited with %d%n", pid, child.pid(), child.waitFor());
            return 0;
        } catch (IOException e) {
            err.println("PipeLines: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.stop(child);
        }
    }
}
