package org.parallelsystemtools.signals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of the programs running in its own JVM, so that real signals can be sent to it from outside. */
final class JavaChild implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private JavaChild(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "lines of " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static JavaChild start(Class<?> main, String... args) throws IOException, URISyntaxException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
                "-cp", Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                main.getName()));
        command.addAll(List.of(args));
        return new JavaChild(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** kill -NAME PID, from a separate process, as a user in another terminal would. */
    void kill(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .redirectErrorStream(true).start();
        assertEquals(true, kill.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue(), "kill -" + name);
    }

    /** Waits until a line matches and returns it. */
    Matcher awaitLine(String regex) {
        Pattern pattern = Pattern.compile(regex);
        await().atMost(PATIENCE).until(() -> lines.stream().anyMatch(line -> pattern.matcher(line).matches()));
        return lines.stream().map(pattern::matcher).filter(Matcher::matches).findFirst().orElseThrow();
    }

    /** Waits until exactly {@code count} lines match. */
    void awaitLines(String regex, int count) {
        Pattern pattern = Pattern.compile(regex);
        await().atMost(PATIENCE).until(() -> lines.stream().filter(line -> pattern.matcher(line).matches()).count() >= count);
        assertEquals(count, lines.stream().filter(line -> pattern.matcher(line).matches()).count(), lines::toString);
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + PATIENCE + ": " + lines);
        }
        // all output read: the reader stops at end of stream, which comes with the exit
        await().atMost(PATIENCE).until(() -> !reading);
        return process.exitValue();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private volatile boolean reading = true;

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(reading failed: " + e + ")");
        } finally {
            reading = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
}
