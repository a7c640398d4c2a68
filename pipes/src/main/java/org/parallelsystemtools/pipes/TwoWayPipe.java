package org.parallelsystemtools.pipes;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parent writes a payload into a child's standard input while reading the child's echo from
 * its standard output: two pipes, one in each direction.
 *
 * <p>A Linux pipe holds 64 KiB; a writer that finds it full blocks until someone reads. If the
 * parent first writes everything and only then reads, the child's reply fills the stdout pipe,
 * the child blocks writing and stops reading stdin, stdin fills, and the parent blocks too:
 * deadlock. The cure is to keep both ends draining: here a writer thread feeds the child while
 * the main thread reads. {@code --naive} shows the deadlock (caught by a watchdog).
 */
public final class TwoWayPipe {
    private static final String SYNOPSIS = "[--bytes N] [--naive]";

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--child")) {
            child();
            return;
        }
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        int size;
        boolean naive;
        try {
            Cli cli = new Cli(args, Set.of("--bytes"), Set.of("--naive"));
            size = (int) cli.number("--bytes", 1 << 20, 0, 1 << 30);
            naive = cli.flag("--naive");
        } catch (Cli.UsageException e) {
            return Cli.usage(err, "TwoWayPipe", e, SYNOPSIS);
        }
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (i % 251); // a pattern whose period is not a power of two
        }
        long pid = ProcessHandle.current().pid();
        Process child = null;
        try {
            child = Relaunch.start(TwoWayPipe.class, "--child");
            out.printf("Parent %d writes %d bytes into child %d's stdin at %s%n", pid, size, child.pid(), Cli.now());
            byte[] echo = naive ? naive(child, payload, out) : bothWays(child, payload);
            if (echo == null) {
                return 1;
            }
            out.printf("Parent %d read %d bytes back from child %d's stdout at %s%n", pid, echo.length, child.pid(), Cli.now());
            out.printf("Echo identical: %s%n", Arrays.equals(payload, echo) ? "yes" : "NO");
            return Arrays.equals(payload, echo) ? 0 : 1;
        } catch (IOException e) {
            err.println("TwoWayPipe: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            Relaunch.stop(child);
        }
    }

    /** The right way: a writer thread fills the child's stdin while this thread drains its stdout. */
    static byte[] bothWays(Process child, byte[] payload) throws IOException, InterruptedException {
        IOException[] failed = new IOException[1];
        Thread writer = new Thread(() -> {
            try (OutputStream toChild = child.getOutputStream()) {
                toChild.write(payload); // blocks whenever the 64 KiB pipe is full, which is fine here
            } catch (IOException e) {
                failed[0] = e;
            } // close() = end of file for the child, which then finishes and closes its stdout
        }, "pipe-writer");
        writer.start();
        byte[] echo = child.getInputStream().readAllBytes();
        writer.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        return echo;
    }

    /** The wrong way: write everything, then read. A watchdog reports the deadlock and ends it. */
    private static byte[] naive(Process child, byte[] payload, PrintStream out) throws IOException {
        AtomicLong written = new AtomicLong();
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        });
        long[] last = {-1};
        watchdog.scheduleAtFixedRate(() -> {
            long now = written.get();
            if (now == last[0]) {
                out.printf("Deadlock: parent stuck writing after %d of %d bytes, child %d stuck writing its echo%n",
                        now, payload.length, child.pid());
                child.destroyForcibly(); // breaks the parent's blocked write with an IOException
                watchdog.shutdown();
            }
            last[0] = now;
        }, 1, 1, TimeUnit.SECONDS);
        try {
            OutputStream toChild = child.getOutputStream();
            for (int off = 0; off < payload.length; off += 4096) {
                int n = Math.min(4096, payload.length - off);
                toChild.write(payload, off, n);
                written.addAndGet(n);
            }
            toChild.close();
            return child.getInputStream().readAllBytes();
        } catch (IOException e) {
            return null; // the watchdog killed the child
        } finally {
            watchdog.shutdownNow();
        }
    }

    /** The child: copies its stdin to its stdout, 8 KiB at a time, raw and unbuffered. */
    private static void child() {
        Relaunch.exitWithParent();
        try (InputStream in = new FileInputStream(FileDescriptor.in);
             OutputStream out = new FileOutputStream(FileDescriptor.out)) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            Runtime.getRuntime().halt(1);
        }
    }
}
