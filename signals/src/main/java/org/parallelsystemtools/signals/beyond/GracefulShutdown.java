package org.parallelsystemtools.signals.beyond;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Works through a list of items, writing each to a temp file it made. On SIGTERM or SIGINT
 * (Ctrl-C) it finishes the item in hand, but waits at most {@code --grace-seconds} for it: then
 * it abandons that item and says so. A second signal abandons it at once. Either way it removes
 * its temp file and exits with 128 + the signal's number, the status a shell expects from a
 * program stopped by that signal (143 for TERM, 130 for INT).
 *
 * <p>A {@code kill -9} leaves the temp file behind, as it leaves any program's. The file's name
 * carries the pid that made it ({@code graceful-PID-RANDOM.work}), so each run first removes the
 * files of pids that are gone, or that now belong to a process started after the file was last
 * written. A file whose process may still be running it leaves alone.
 *
 * <pre>mvn -q -pl signals compile exec:java -Dprogram=beyond.GracefulShutdown</pre>
 */
public final class GracefulShutdown {

    private static final Pattern WORK_FILE = Pattern.compile("graceful-(\\d{1,10})-\\d+\\.work");

    private GracefulShutdown() {
    }

    public static void main(String[] args) {
        Options options = new Options("GracefulShutdown",
                "GracefulShutdown [--items N] [--item-seconds S] [--grace-seconds S]",
                args, "--items", "--item-seconds", "--grace-seconds");
        options.positional(0);
        int items = options.whole("--items", 10, 1, 1_000_000);
        long itemMillis = Math.round(1000 * options.decimal("--item-seconds", 1, 0.001, 3600));
        long graceMillis = Math.round(1000 * options.decimal("--grace-seconds", 10, 0.001, 300));
        Path folder = Path.of(System.getProperty("java.io.tmpdir"));
        int status = run(items, itemMillis, graceMillis, folder, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(long items, long itemMillis, long graceMillis, Path folder, PrintStream out, PrintStream err) {
        // The handler only takes note and starts the grace clock; the main thread decides when
        // it is safe to stop, unless the grace runs out first.
        AtomicReference<Signal> stopRequest = new AtomicReference<>();
        Thread worker = Thread.currentThread();
        ScheduledExecutorService graceClock = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread clock = new Thread(task, "grace-clock");
            clock.setDaemon(true);
            return clock;
        });
        Map<Signal, SignalHandler> previous = new HashMap<>();
        for (Signal signal : List.of(new Signal("TERM"), new Signal("INT"))) {
            previous.put(signal, Signal.handle(signal, caught -> {
                synchronized (stopRequest) {   // each signal gets a handler thread of its own
                    if (stopRequest.get() == null) {
                        // Said before the main thread may see the request, end and exit.
                        out.printf("Got %s at %s: finishing the work in hand, for at most %s s%n",
                                describe(caught), now(), seconds(graceMillis));
                        graceClock.schedule(worker::interrupt, graceMillis, TimeUnit.MILLISECONDS);
                        stopRequest.set(caught);
                    } else {
                        out.printf("Got %s at %s again: abandoning the work in hand now%n", describe(caught), now());
                        worker.interrupt();
                    }
                }
            }));
        }
        Path work = null;
        try {
            long pid = ProcessHandle.current().pid();
            work = Files.createTempFile(folder, "graceful-" + pid + "-", ".work");
            out.printf("GracefulShutdown %d: %d items of %s s each, temp file %s (stop it: kill -TERM %d or Ctrl-C;"
                    + " it then waits at most %s s for the item in hand)%n",
                    pid, items, seconds(itemMillis), work, pid, seconds(graceMillis));
            removeStaleFiles(folder, work, out, err);
            for (long item = 1; item <= items && stopRequest.get() == null; item++) {
                out.println("Item " + item + " started");
                long started = System.nanoTime();
                try {
                    TimeUnit.MILLISECONDS.sleep(itemMillis);   // the "work": a signal alone does not cut it short
                } catch (InterruptedException graceOver) {
                    out.printf("Abandoned item %d after %s s of its %s s: it is not in %s%n", item,
                            seconds(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)), seconds(itemMillis), work);
                    break;
                }
                append(work, "item " + item + "\n");
                out.println("Item " + item + " done");
            }
            Signal stoppedBy = stopRequest.get();
            return stoppedBy == null ? 0 : 128 + stoppedBy.getNumber();
        } catch (IOException e) {
            err.println("GracefulShutdown: " + e.getMessage());
            return 1;
        } finally {
            graceClock.shutdownNow();
            Thread.interrupted();   // a grace that ran out while the last item was being written
            removeTempFile(work, out, err);
            previous.forEach(Signal::handle);
            Signal stoppedBy = stopRequest.get();
            if (stoppedBy != null) {
                out.printf("Exiting with status %d (128 + %d)%n", 128 + stoppedBy.getNumber(), stoppedBy.getNumber());
            }
        }
    }

    /**
     * Removes the work files of earlier runs that were killed before they could (kill -9): those
     * whose pid is gone, or is now a process that started after the file was last written.
     */
    static void removeStaleFiles(Path folder, Path mine, PrintStream out, PrintStream err) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "graceful-*.work")) {
            for (Path file : files) {
                Matcher name = WORK_FILE.matcher(file.getFileName().toString());
                if (file.equals(mine) || !name.matches() || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || !Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(Files.getOwner(mine))) {
                    continue;
                }
                long owner = Long.parseLong(name.group(1));
                Instant written = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
                Optional<Instant> ownerStarted = ProcessHandle.of(owner).flatMap(p -> p.info().startInstant());
                if (ProcessHandle.of(owner).isEmpty() || ownerStarted.map(written::isBefore).orElse(false)) {
                    Files.deleteIfExists(file);
                    out.println("Removed " + file + ", left by pid " + owner + ", which is gone");
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            err.println("GracefulShutdown: could not look for stale work files in " + folder + ": " + e.getMessage());
        }
    }

    /** Appends with a plain file stream, which an interrupt cannot close half-way (a channel could). */
    private static void append(Path file, String text) throws IOException {
        try (OutputStream to = new FileOutputStream(file.toFile(), true)) {
            to.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Python's time.asctime(), e.g. "Mon Nov 23 01:23:53 2026", in English whatever the locale. */
    private static String now() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));
    }

    /** "SIGTERM (15)". */
    private static String describe(Signal signal) {
        return "SIG" + signal.getName() + " (" + signal.getNumber() + ")";
    }

    /** Milliseconds as seconds, plainly: 1500 is "1.5", 3600000 is "3600". */
    private static String seconds(long millis) {
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    private static void removeTempFile(Path work, PrintStream out, PrintStream err) {
        if (work == null) {
            return;
        }
        try {
            Files.deleteIfExists(work);
            out.println("Removed " + work);
        } catch (IOException e) {
            err.println("GracefulShutdown: could not remove " + work + ": " + e.getMessage());
        }
    }
}
