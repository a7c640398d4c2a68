package org.parallelsystemtools.waiting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Killing the parent (Ctrl-C, kill -9) must not leave its children running. */
class ParentKilledTest {

    @Test
    void childrenEndWhenTheParentIsKilled() throws IOException, URISyntaxException {
        String classes = Path.of(WaitForAny.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // 5 "seconds" of 20 s each: the children would sleep far longer than this test runs.
        Process parent = new ProcessBuilder(java, "-cp", classes, WaitForAny.class.getName(),
                "--seed", "1", "--scale", "20000").redirectErrorStream(true).start();
        List<Long> children = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern parentLine = Pattern.compile("\tpid: (\\d+), forkPID1: (\\d+), forkPID2: ([1-9]\\d*)");
            for (String line; children.isEmpty() && (line = lines.readLine()) != null; ) {
                Matcher m = parentLine.matcher(line);
                if (m.matches()) {
                    assertEquals(parent.pid(), Long.parseLong(m.group(1)));
                    children.add(Long.parseLong(m.group(2)));
                    children.add(Long.parseLong(m.group(3)));
                }
            }
            assertEquals(2, children.size(), "parent printed its children's pids");

            parent.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs in the parent
            await().atMost(Duration.ofSeconds(15)).until(() -> children.stream().allMatch(ParentKilledTest::ended));
        } finally {
            parent.destroyForcibly();
            children.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** Gone, or a zombie waiting for a new parent (PID 1 in a container may never reap it). */
    private static boolean ended(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException noSuchProcess) {
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        }
    }
}
