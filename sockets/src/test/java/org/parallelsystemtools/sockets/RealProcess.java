package org.parallelsystemtools.sockets;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A program of this module run as a real process, the way a reader runs it: its own JVM, real
 * pids, real pipes, real signals. The test reads what it printed (standard output and error,
 * each on its own and both as one terminal would show them), its exit code, and can type into
 * it or signal it while it runs.
 *
 * <p>Every process it starts carries a tag in its environment, which every descendant inherits
 * (JVM or not, re-parented or not); {@link Running#finish} fails the test if any process with
 * the tag is still alive a few seconds after the program ended.
 *
 * <pre>
 * RealProcess.Result run = RealProcess.of(PipeToParent.class).pace(0.02).run();
 * RealProcess.Running running = RealProcess.of(CatchSignal.class).args("10").start();
 * running.awaitOutput(out -> out.contains("waiting"));  running.signal("USR1");
 * </pre>
 */
final class RealProcess {

    private static final String TAG = "REAL_PROCESS_TAG";

    private final Class<?> main;
    private final List<String> args = new ArrayList<>();
    private final List<String> jvmFlags = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
    private double pace = 1;
    private String stdin = "";
    private Duration timeout = Duration.ofSeconds(30);
    private Path directory;
    private String job;

    private RealProcess(Class<?> main) {
        this.main = main;
    }

    static RealProcess of(Class<?> main) {
        return new RealProcess(main);
    }

    RealProcess args(String... more) {
        args.addAll(List.of(more));
        return this;
    }

    /** Scales every pause of the program and its children ({@code -Dpace}). */
    RealProcess pace(double factor) {
        pace = factor;
        return this;
    }

    /** Adds a JVM flag or system property ({@code -Dname=value}). */
    RealProcess jvm(String flag) {
        jvmFlags.add(flag);
        return this;
    }

    /** What {@link #run} types into the program; its standard input is then closed. */
    RealProcess stdin(String text) {
        stdin = text;
        return this;
    }

    /**
     * Starts the program as a shell starts a foreground job: in a process group of its own
     * ({@code setsid}), with SIGINT at its default ({@code perl} resets it, then execs java,
     * keeping the pid). A test JVM started in the background inherits SIGINT ignored, and a JVM
     * never catches a signal it started ignoring; Ctrl-C is then {@link Running#signalGroup}.
     * {@code perl} may set more dispositions first ({@code "$SIG{HUP} = 'IGNORE'"}).
     */
    RealProcess asJob(String... perl) {
        job = "$SIG{INT} = 'DEFAULT'; " + String.join("; ", perl) + (perl.length > 0 ? "; " : "") + "exec @ARGV";
        return this;
    }

    /** True if {@link #asJob} can work here: {@code setsid} and {@code perl} are on the PATH. */
    static boolean jobsPossible() {
        List<String> path = List.of(System.getenv().getOrDefault("PATH", "").split(":"));
        return Stream.of("setsid", "perl").allMatch(tool -> path.stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, tool))));
    }

    /** The folder the program runs in (default: the module's folder, where Maven runs tests). */
    RealProcess in(Path folder) {
        directory = folder;
        return this;
    }

    /** How long the program may take before the test fails (default 30 s). */
    RealProcess timeout(Duration limit) {
        timeout = limit;
        return this;
    }

    /** Runs the program to its end with {@link #stdin} as its input. */
    Result run() {
        Running running = start();
        running.type(stdin);
        running.closeStdin();
        return running.finish();
    }

    /** Starts the program; the test talks to it through the returned handle. */
    Running start() {
        List<String> command = new ArrayList<>();
        if (job != null) {
            command.addAll(List.of("setsid", "perl", "-e", job));
        }
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmFlags);
        command.add("-Dpace=" + pace);
        command.add("-cp");
        command.add(classes(main));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        String tag = UUID.randomUUID().toString();
        builder.environment().put(TAG, tag);
        try {
            return new Running(builder, tag, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a finished program left: exit code, standard output, standard error, both as shown. */
    record Result(int code, String out, String err, String terminal) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> terminalLines() {
            return lines(terminal);
        }

        long count(String regex) {
            return outLines().stream().filter(line -> line.matches(regex)).count();
        }

        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            lines.remove(lines.size() - 1);   // the text after the last newline: none, or a cut line
            if (!text.isEmpty() && !text.endsWith("\n")) {
                lines.add(text.substring(text.lastIndexOf('\n') + 1));
            }
            return lines;
        }
    }

    /** A program that is running. */
    static final class Running {
        private final Process process;
        private final String tag;
        private final Duration timeout;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        private final Thread outCopier;
        private final Thread errCopier;

        /**
         * Standard output and error go through named pipes, not the pipes of {@link Process}: the
         * JDK closes those once the process has ended, and so would lose what its children print
         * after it (a forked child writes on after its parent has gone). A named pipe ends only
         * when every process holding it has closed it, as a terminal keeps showing their output.
         */
        private Running(ProcessBuilder builder, String tag, Duration timeout) throws IOException {
            this.tag = tag;
            this.timeout = timeout;
            Path dir = Files.createTempDirectory("real-process-");
            Path outPipe = dir.resolve("out");
            Path errPipe = dir.resolve("err");
            try {
                if (new ProcessBuilder("mkfifo", outPipe.toString(), errPipe.toString()).inheritIO().start().waitFor() != 0) {
                    throw new IOException("mkfifo failed in " + dir);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            // Opening a named pipe blocks until its other end is opened: the copiers open the
            // reading ends while start() opens the writing ends for the program.
            outCopier = copy(outPipe, out);
            errCopier = copy(errPipe, err);
            try {
                process = builder.redirectOutput(outPipe.toFile()).redirectError(errPipe.toFile()).start();
            } catch (IOException e) {
                release(outPipe);
                release(errPipe);
                throw e;
            } finally {
                Files.deleteIfExists(outPipe);
                Files.deleteIfExists(errPipe);
                Files.deleteIfExists(dir);
            }
        }

        long pid() {
            return process.pid();
        }

        Process process() {
            return process;
        }

        /** Standard output so far. */
        String out() {
            synchronized (terminal) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }

        /** Standard output and error so far, interleaved as they arrived. */
        String terminal() {
            synchronized (terminal) {
                return terminal.toString(StandardCharsets.UTF_8);
            }
        }

        /** Waits until the output (both streams, as shown) satisfies {@code condition}. */
        Running awaitOutput(Predicate<String> condition) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                    .until(() -> condition.test(terminal()) || !process.isAlive());
            if (!condition.test(terminal())) {
                throw new AssertionError("ended (exit " + process.exitValue() + ") without the awaited output:\n"
                        + terminal());
            }
            return this;
        }

        /** Types {@code text} into the program's standard input. */
        Running type(String text) {
            try {
                OutputStream in = process.getOutputStream();
                in.write(text.getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                // The program has stopped reading (it ended): what it did is in its output.
            }
            return this;
        }

        Running closeStdin() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // already closed by the program's end
            }
            return this;
        }

        /** Sends a signal by name ({@code "USR1"}, {@code "TERM"}) to the program, with kill(1). */
        Running signal(String name) {
            try {
                new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }

        /** Ctrl-C: a signal to the program's whole process group (see {@link RealProcess#asJob}). */
        Running signalGroup(String name) {
            try {
                new ProcessBuilder("kill", "-" + name, "--", "-" + process.pid()).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return this;
        }

        /** Waits for the program to end by itself, then checks that nothing it started is left. */
        Result finish() {
            try {
                if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    String shown = terminal();
                    kill();
                    throw new AssertionError("still running after " + timeout + "; it printed:\n" + shown);
                }
                outCopier.join(timeout.toMillis());
                errCopier.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            assertNothingLeft();
            synchronized (terminal) {
                return new Result(process.exitValue(), out.toString(StandardCharsets.UTF_8),
                        err.toString(StandardCharsets.UTF_8), terminal.toString(StandardCharsets.UTF_8));
            }
        }

        /** Ends the program and everything it started (test clean-up). */
        void kill() {
            tagged().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        /** Fails if a process this program started is still alive a few seconds after it ended. */
        private void assertNothingLeft() {
            try {
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> tagged().findAny().isEmpty());
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                List<String> left = tagged().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
                if (left.isEmpty()) {
                    return;   // all gone: on a crowded machine one scan of /proc can outlast the wait
                }
                kill();
                throw new AssertionError("left behind: " + left);
            }
        }

        /** The live processes whose environment carries this run's tag (Linux /proc). */
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

        private Thread copy(Path pipe, ByteArrayOutputStream to) {
            Thread copier = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream from = Files.newInputStream(pipe)) {
                    for (int n; (n = from.read(buffer)) != -1; ) {
                        synchronized (terminal) {
                            to.write(buffer, 0, n);
                            terminal.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the process was killed: what arrived is kept
                }
            }, "copy-" + pipe.getFileName());
            copier.setDaemon(true);
            copier.start();
            return copier;
        }

        /**
         * Opens a named pipe's writing end and closes it, so that a copier still waiting to open
         * its reading end ends. In a daemon thread: with no reader left, the open would block.
         */
        private static void release(Path pipe) {
            Thread releaser = new Thread(() -> {
                try {
                    Files.newOutputStream(pipe).close();
                } catch (IOException e) {
                    // gone already: so is its copier
                }
            }, "release-" + pipe.getFileName());
            releaser.setDaemon(true);
            releaser.start();
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
