package org.parallelsystemtools.signals;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A program run the way a terminal runs a foreground job, for the programs about Ctrl-C: in a
 * process group of its own, with SIGINT at its default action, and {@link #ctrlC} sends SIGINT to
 * the whole group, as the terminal does.
 *
 * <p>{@link RealProcess} cannot do this: a JVM cannot undo an ignored SIGINT, and a test JVM
 * started in the background (a CI script, {@code nohup mvn ... &}) has SIGINT ignored, which
 * every process it starts inherits. So the program is started through perl, which resets SIGINT
 * and makes the new process group before it execs java (same pid). Standard error is merged into
 * standard output, as a terminal shows them. Like RealProcess, it fails the test if anything the
 * program started is left.
 */
final class ForegroundJob {

    private static final String TAG = "FOREGROUND_JOB_TAG";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Process process;
    private final String tag = UUID.randomUUID().toString();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread copier;

    private ForegroundJob(Class<?> main, double pace, String perl, String... args) {
        List<String> command = new ArrayList<>(List.of("perl", "-e",
                "setpgrp(0, 0); $SIG{INT} = 'DEFAULT'; " + perl + "; exec @ARGV or die \"exec: $!\""));
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Dpace=" + pace, "-cp", classes(main),
                main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(TAG, tag);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        copier = new Thread(() -> copy(process.getInputStream()), "copy-" + process.pid());
        copier.setDaemon(true);
        copier.start();
    }

    /** Starts {@code main} at {@code pace}; {@code perl} runs before the exec (more dispositions), or "". */
    static ForegroundJob start(Class<?> main, double pace, String perl, String... args) {
        return new ForegroundJob(main, pace, perl, args);
    }

    long pid() {
        return process.pid();
    }

    /** What it printed so far, both streams as a terminal shows them. */
    String output() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    /** How many whole lines printed so far are exactly {@code line}. */
    long count(String line) {
        return output().lines().filter(line::equals).count();
    }

    void awaitOutput(Predicate<String> condition) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(10))
                .until(() -> condition.test(output()) || !process.isAlive());
        if (!condition.test(output())) {
            throw new AssertionError("ended without the awaited output:\n" + output());
        }
    }

    /** What Ctrl-C in its terminal does: SIGINT to every process of its group. */
    void ctrlC() {
        kill("INT", "-" + process.pid());
    }

    /** {@code kill -NAME PID}. */
    void kill(String name, String pid) {
        try {
            new ProcessBuilder("kill", "-" + name, "--", pid).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for its end, checks that nothing it started is left, and returns its exit status. */
    int finish() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
            tagged().forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError("still running after " + PATIENCE + "; it printed:\n" + output());
        }
        copier.join(PATIENCE.toMillis());
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> tagged().findAny().isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<Long> left = tagged().map(ProcessHandle::pid).toList();
            tagged().forEach(ProcessHandle::destroyForcibly);
            throw new AssertionError("left behind: " + left);
        }
        return process.exitValue();
    }

    /** Ends it and everything it started (clean-up after a failed test). */
    void stop() {
        tagged().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private Stream<ProcessHandle> tagged() {
        String needle = TAG + "=" + tag;
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).filter(p -> {
            try {
                byte[] environ = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ"));
                return new String(environ, StandardCharsets.ISO_8859_1).contains(needle);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    private void copy(InputStream from) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) != -1; ) {
                synchronized (output) {
                    output.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // killed: what arrived is kept
        }
    }

    private static String classes(Class<?> main) {
        try {
            return Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
