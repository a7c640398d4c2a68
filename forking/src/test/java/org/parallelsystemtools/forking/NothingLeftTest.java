package org.parallelsystemtools.forking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * However the top process of a program ends, nothing it started is left a few seconds later:
 * Ctrl-C (SIGINT to the whole process group), {@code kill} (SIGTERM) or {@code kill -9} (SIGKILL)
 * while a child is starting or running. Watched children end with their parent; ForkCount's
 * unwatched children end by themselves after their count.
 */
@Execution(ExecutionMode.CONCURRENT)
class NothingLeftTest {

    private static final String TAG = "FORKING_SIGNAL_TAG";

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
        "ForkLoop, INT, Hello from parent",
        "ForkLoop, TERM, Hello from parent",
        "ForkLoop, KILL, Hello from parent",
        "ForkCount, INT, spawned",
        "ForkCount, TERM, spawned",
        "ForkCount, KILL, spawned",
    })
    void nothingIsLeftAfterTheSignal(String program, String signal, String started) throws Exception {
        String tag = UUID.randomUUID().toString();
        List<String> command = new ArrayList<>(List.of(
                // Its own process group, as a shell gives a job; and SIGINT not ignored, which a
                // program started in the background inherits (the JVM would then ignore Ctrl-C).
                "setsid", "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV",
                ProcessHandle.current().info().command().orElseThrow(),
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Dpace=0.2", "-cp", classes(),
                "org.parallelsystemtools.forking." + program));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(TAG, tag);
        Process top = builder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread copy = copy(top.getInputStream(), out);
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> text(out).contains(started) || !top.isAlive());
            assertTrue(text(out).contains(started), "started: " + text(out));
            if (signal.equals("INT")) {
                // setsid made the program the leader of a new group, whose id is its pid.
                kill("-INT", "--", "-" + top.pid());
            } else {
                kill("-" + signal, Long.toString(top.pid()));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> tagged(tag).findAny().isEmpty());
        } finally {
            tagged(tag).forEach(ProcessHandle::destroyForcibly);
            top.destroyForcibly();
            copy.join(5000);
        }
    }

    private static void kill(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill"));
        command.addAll(List.of(args));
        new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static Stream<ProcessHandle> tagged(String tag) {
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

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) != -1; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // killed: what arrived is kept
            }
        });
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    private static String classes() throws Exception {
        return Path.of(ForkLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
