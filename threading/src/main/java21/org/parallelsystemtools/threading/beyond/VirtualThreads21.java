package org.parallelsystemtools.threading.beyond;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.parallelsystemtools.threading.Relaunch;

/**
 * Virtual threads (JDK 21+) beside platform threads: the book's 10 x 100 counting and 10,000 sleepers
 * (each waits until all have started, then sleeps), each run in a fresh JVM on each kind of thread, with the threads started, the operating-system
 * threads at the peak, the peak resident memory and the time. Then pinning: virtual threads that
 * sleep inside {@code synchronized}, on one carrier thread, watched by the JDK's own JFR event
 * {@code jdk.VirtualThreadPinned}. On JDK 21 to 23 a virtual thread blocked in {@code synchronized}
 * holds its carrier (it is pinned); from JDK 24 on it lets go (JEP 491). A sleep inside a class
 * initializer still pins, and serves as the control that the event is being recorded at all.
 *
 * <pre>
 * mvn -q -pl threading compile exec:java -Dprogram=beyond.VirtualThreads   (JDK 21+; started through {@link VirtualThreads})
 * </pre>
 */
public final class VirtualThreads21 {

    static final String USAGE = "VirtualThreads [--threads N] [--count N] [--sleepers N] [--sleep-ms MS] [--pinned N]";
    static final long PIN_MS = 100;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            // The roles are the parent's words to its children; typed by hand they get the usage line.
            String role = String.join(" ", args);
            if (!role.matches("child (pin \\d{1,2}|(count|sleep) (platform|virtual) \\d{1,5} \\d{1,5})")) {
                new Options("VirtualThreads", USAGE, new String[0]).fail("a child role is started by the"
                        + " program itself, not typed ('" + role + "')");
            }
            if (args[1].equals("pin")) {
                pinning(Integer.parseInt(args[2]));
            } else {
                measure(args[1], args[2].equals("virtual"), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            }
            return;
        }
        Options options = new Options("VirtualThreads", USAGE, args,
                "--threads", "--count", "--sleepers", "--sleep-ms", "--pinned");
        int threads = options.whole("--threads", 10, 1, 1000);
        int count = options.whole("--count", 100, 1, 10_000);
        // Platform threads need an OS thread each; 20,000 stays well inside this kind of machine's limits.
        int sleepers = options.whole("--sleepers", 10_000, 1, 20_000);
        int sleepMs = options.whole("--sleep-ms", 1000, 0, 10_000);
        int pinned = options.whole("--pinned", 4, 1, 20);
        options.positional(0);

        int feature = Runtime.version().feature();
        double seconds = 5 * 0.6 + 2 * (sleepMs / 1000.0 + sleepers / 10_000.0) + 1 + pinned * PIN_MS / 1000.0;
        System.out.printf("VirtualThreads on JDK %d, %d cores: the same work on platform and on virtual threads,"
                + " each in a fresh JVM, then pinning (about %.0f s)%n", feature,
                Runtime.getRuntime().availableProcessors(), Math.ceil(seconds));
        System.out.printf("%-32s %10s %10s%n", "", "platform", "virtual");
        table(threads + " x " + count + " counting", "count", threads, count);
        table(sleepers + " sleepers of " + sleepMs + " ms", "sleep", sleepers, sleepMs);

        System.out.printf("Pinning: %d virtual threads each sleep %d ms inside synchronized, on 1 carrier thread%n",
                pinned, PIN_MS);
        ProcessBuilder pin = Relaunch.builder(VirtualThreads21.class, "pin", "" + pinned).inheritIO();
        // One carrier makes pinning visible in the time too; on JDK 21-23 the JDK also prints each
        // pinned stack (jdk.tracePinnedThreads, removed in JDK 24 with the pinning itself).
        pin.command().addAll(1, List.of("-Djdk.virtualThreadScheduler.parallelism=1", "-Djdk.tracePinnedThreads=short"));
        int exit = pin.start().waitFor();
        if (exit != 0) {
            System.err.println("VirtualThreads: the pinning run failed (exit " + exit + ")");
            System.exit(1);
        }
    }

    /** Runs one workload on both kinds of thread, each in its own JVM, and prints the four rows. */
    static void table(String title, String work, int n, int m) throws IOException, InterruptedException {
        long[] platform = child(work, "platform", n, m);
        long[] virtual = child(work, "virtual", n, m);
        System.out.println(title);
        String[] rows = {"threads started", "OS threads at peak", "peak RSS (MB)", "time (ms)"};
        for (int i = 0; i < rows.length; i++) {
            System.out.printf("  %-30s %10d %10d%n", rows[i], platform[i], virtual[i]);
        }
    }

    static long[] child(String work, String kind, int n, int m) throws IOException, InterruptedException {
        Process process = Relaunch.start(VirtualThreads21.class, work, kind, "" + n, "" + m);
        String line;
        try (BufferedReader out = process.inputReader()) {
            line = out.readLine();
        } finally {
            Relaunch.stop(process);
        }
        if (line == null || !line.startsWith("result ")) {
            System.err.println("VirtualThreads: the " + kind + " " + work + " run failed (exit " + process.exitValue() + ")");
            System.exit(1);
        }
        String[] fields = line.split(" ");
        long[] values = new long[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            values[i - 1] = Long.parseLong(fields[i]);
        }
        return values;
    }

    /** The child: {@code n} threads of one kind do one workload; one line of figures on standard output. */
    static void measure(String work, boolean virtual, int n, int m) throws Exception {
        AtomicLong peakThreads = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakThreads.accumulateAndGet(status("Threads:"), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();

        Lock mutex = new ReentrantLock();
        AtomicInteger lines = new AtomicInteger();
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
        CountDownLatch started = new CountDownLatch(n);
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int myId = i;
            threads.add(builder.start(work.equals("count") ? () -> {
                for (int k = 0; k < m; k++) {
                    mutex.lock();
                    try {
                        sink.println("[" + myId + "] => " + k);
                        lines.incrementAndGet();
                    } finally {
                        mutex.unlock();
                    }
                }
            } : () -> {
                try {
                    // Every sleeper waits until all have started: all n are alive at once, however
                    // slowly a loaded machine creates them.
                    started.countDown();
                    started.await();
                    Thread.sleep(m);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        if (work.equals("sleep")) {
            started.await();
            peakThreads.accumulateAndGet(status("Threads:"), Math::max);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        peakThreads.accumulateAndGet(status("Threads:"), Math::max);
        if (work.equals("count") && lines.get() != n * m) {
            throw new IllegalStateException("counted " + lines.get() + " lines, not " + n * m);
        }
        System.out.printf("result %d %d %d %d%n", threads.size(), peakThreads.get(), status("VmHWM:") / 1024, millis);
    }

    /** A number from /proc/self/status: "Threads:" (count) or "VmHWM:" (peak resident set, kB). */
    static long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: report 0
        }
        return 0;
    }

    /** Sleeps while this class is being initialized: a virtual thread here is pinned on every JDK. */
    static final class SlowInit {
        static {
            try {
                Thread.sleep(PIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    /** The child that looks for pinning, with JFR recording jdk.VirtualThreadPinned. */
    static void pinning(int n) throws Exception {
        Path file = Files.createTempFile("pinning", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(20)).withStackTrace();
            recording.start();
            long start = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    synchronized (new Object()) {   // a lock of its own: only pinning makes them wait
                        try {
                            Thread.sleep(PIN_MS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Instant control = Instant.now();   // tells the control's event from the ones before
            Thread.ofVirtual().start(SlowInit::touch).join();
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            long inSync = events.stream().filter(e -> e.getStartTime().isBefore(control)).count();
            List<RecordedEvent> inInit = events.stream().filter(e -> !e.getStartTime().isBefore(control)).toList();
            System.out.printf("  took %d ms (%d x %d ms if each held the carrier); JFR jdk.VirtualThreadPinned events: %d%n",
                    millis, n, PIN_MS, inSync);
            System.out.printf("  control, a sleep inside a class initializer, which pins on every JDK: %d event%s%s%n",
                    inInit.size(), inInit.size() == 1 ? "" : "s", inInit.isEmpty() || !inInit.get(0).hasField("pinnedReason")
                            ? "" : " (\"" + inInit.get(0).getString("pinnedReason") + "\")");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
