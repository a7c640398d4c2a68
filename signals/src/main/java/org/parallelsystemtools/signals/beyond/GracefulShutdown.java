package org.parallelsystemtools.signals.beyond;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Works through a list of items, writing each to a temp file it made. On SIGTERM or SIGINT
 * (Ctrl-C) it finishes the item in hand, removes the temp file and exits with 128 + the signal's
 * number, the status a shell expects from a program stopped by that signal (143 for TERM).
 *
 * <pre>mvn -q -pl signals compile exec:java -Dprogram=beyond.GracefulShutdown</pre>
 */
public final class GracefulShutdown {

    private GracefulShutdown() {
    }

    public static void main(String[] args) {
        Options options = new Options("GracefulShutdown", "GracefulShutdown [--items N] [--item-seconds S]",
                args, "--items", "--item-seconds");
        options.positional(0);
        int items = options.whole("--items", 10, 1, 1_000_000);
        long itemMillis = Math.round(1000 * options.decimal("--item-seconds", 1, 0.001, 3600));
        int status = run(items, itemMillis, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(long items, long itemMillis, PrintStream out, PrintStream err) {
        // The handler only takes note; the main thread decides when it is safe to stop.
        AtomicReference<Signal> stopRequest = new AtomicReference<>();
        Map<Signal, SignalHandler> previous = new HashMap<>();
        for (Signal signal : List.of(new Signal("TERM"), new Signal("INT"))) {
            previous.put(signal, Signal.handle(signal, caught -> {
                out.printf("Got %s at %s: finishing the work in hand%n", describe(caught), now());
                stopRequest.compareAndSet(null, caught);
            }));
        }
        Path work = null;
        try {
            work = Files.createTempFile("graceful-", ".work");
            long pid = ProcessHandle.current().pid();
            out.printf("GracefulShutdown %d: %d items of %s s each, temp file %s (stop it: kill -TERM %d or Ctrl-C)%n",
                    pid, items, BigDecimal.valueOf(itemMillis, 3).stripTrailingZeros().toPlainString(), work, pid);
            for (long item = 1; item <= items && stopRequest.get() == null; item++) {
                out.println("Item " + item + " started");
                TimeUnit.MILLISECONDS.sleep(itemMillis); // the "work": a signal does not cut it short
                Files.writeString(work, "item " + item + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                out.println("Item " + item + " done");
            }
            Signal stoppedBy = stopRequest.get();
            return stoppedBy == null ? 0 : 128 + stoppedBy.getNumber();
        } catch (IOException e) {
            err.println("GracefulShutdown: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            removeTempFile(work, out, err);
            previous.forEach(Signal::handle);
            Signal stoppedBy = stopRequest.get();
            if (stoppedBy != null) {
                out.printf("Exiting with status %d (128 + %d)%n", 128 + stoppedBy.getNumber(), stoppedBy.getNumber());
            }
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
