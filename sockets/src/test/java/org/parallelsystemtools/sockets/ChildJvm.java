package org.parallelsystemtools.sockets;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One program of this module in a JVM of its own (same java binary, classpath from the code
 * sources), started through {@link WatchParent}. Its output is collected line by line.
 */
final class ChildJvm implements AutoCloseable {

    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    final List<String> err = new CopyOnWriteArrayList<>();

    ChildJvm(Class<?> program, String... args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx64m", "-cp",
                codeSource(program) + File.pathSeparator + codeSource(WatchParent.class),
                WatchParent.class.getName(), program.getName()));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        pump(process.getInputStream(), out, "out");
        pump(process.getErrorStream(), err, "err");
    }

    private static String codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pump(InputStream stream, List<String> lines, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "pump-" + name + "-" + process.pid());
        t.setDaemon(true);
        t.start();
    }

    /** Waits for a stdout line matching the pattern and returns its match. */
    Matcher awaitLine(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> out.stream().map(pattern::matcher).filter(Matcher::matches).findFirst(),
                Optional::isPresent).get();
    }

    /** Exit code, after waiting for the end of the process and of its output. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("child " + process.pid() + " did not end; out=" + out + " err=" + err);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().endsWith("-" + process.pid())));
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
