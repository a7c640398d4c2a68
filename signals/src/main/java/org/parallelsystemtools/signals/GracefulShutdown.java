package org.parallelsystemtools.signals;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Works through a list of items, writing each to a temp file it made. On SIGTERM or SIGINT
 * (Ctrl-C) it finishes the item in hand, removes the temp file and exits with 128 + the signal's
 * number, the status a shell expects from a program stopped by that signal (143 for TERM).
 *
 * <pre>mvn -pl signals compile exec:java -Dexec.mainClass=org.parallelsystemtools.signals.GracefulShutdown</pre>
 */
public final class GracefulShutdown {

    private GracefulShutdown() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long items;
        long itemMillis;
        try {
            Args options = Args.parse(args, Set.of("--items", "--item-seconds"), Set.of());
            items = options.number("--items", 10, 1, 1_000_000);
            itemMillis = options.millis("--item-seconds", 1, 3600);
        } catch (Args.UsageError e) {
            err.println("GracefulShutdown: " + e.getMessage() + " (options: --items N --item-seconds S)");
            return 2;
        }
        // The handler only takes note; the main thread decides when it is safe to stop.
        AtomicReference<Signal> stopRequest = new AtomicReference<>();
        Map<Signal, SignalHandler> previous = new HashMap<>();
        for (Signal signal : List.of(new Signal("TERM"), new Signal("INT"))) {
            previous.put(signal, Signal.handle(signal, caught -> {
                out.printf("Got %s at %s: finishing the work in hand%n", Signals.describe(caught), Signals.now());
                stopRequest.compareAndSet(null, caught);
            }));
        }
        Path work = null;
        try {
            work = Files.createTempFile("graceful-", ".work");
            long pid = ProcessHandle.current().pid();
            out.printf("GracefulShutdown %d: %d items, temp file %s (stop it: kill -TERM %d or Ctrl-C)%n",
                    pid, items, work, pid);
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
