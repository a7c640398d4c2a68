package org.parallelsystemtools.queues;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ProcessQueueTest {
    private static final Pattern GOT = Pattern.compile("(\\d+) got (.+)");
    private static final Pattern STARTING = Pattern.compile("Starting (producer|consumer) => (\\d+)");
    private static final long ME = ProcessHandle.current().pid();

    @AfterEach
    void noProcessIsLeft() {
        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.current().descendants().noneMatch(ProcessQueueTest::running));
    }

    /** Alive and not a zombie (a zombie has ended; reaping it is its new parent's job). */
    private static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    @Test
    void everyNameCrossesTheProcessQueueExactlyOnceToARealConsumerProcess() {
        Captured out = new Captured();
        Captured err = new Captured();
        List<Process> launched = new ArrayList<>();
        assertEquals(0, ProcessQueue.run(new String[] {"--scale", "0", "--consumers", "3", "--seed", "7"},
                out.stream, err.stream, launched::add), err.text());
        assertEquals("", err.text());

        List<String> lines = out.lines();
        Set<Long> producers = new HashSet<>();
        Set<Long> consumers = new HashSet<>();
        List<String> got = new ArrayList<>();
        Set<Long> gotPids = new HashSet<>();
        for (String line : lines) {
            Matcher start = STARTING.matcher(line);
            Matcher m = GOT.matcher(line);
            if (start.matches()) {
                (start.group(1).equals("producer") ? producers : consumers).add(Long.parseLong(start.group(2)));
            } else if (m.matches()) {
                gotPids.add(Long.parseLong(m.group(1)));
                got.add(m.group(2));
            }
        }
        // Every name once: the sorted lists (not sets) are equal, so a duplicate would show.
        List<String> expected = ProcessQueue.NAMES.stream().flatMap(List::stream).sorted().collect(Collectors.toList());
        got.sort(null);
        assertEquals(expected, got);

        // The pids the children printed are the pids of the processes the parent launched, not its own.
        Set<Long> launchedPids = launched.stream().map(Process::pid).collect(Collectors.toSet());
        assertEquals(3, producers.size());
        assertEquals(3, consumers.size());
        Set<Long> printed = new HashSet<>(producers);
        printed.addAll(consumers);
        assertEquals(launchedPids, printed);
        assertTrue(consumers.containsAll(gotPids), "only consumer processes take names: " + gotPids);
        assertFalse(printed.contains(ME));
        for (long pid : producers) {
            assertTrue(lines.contains("Producer " + pid + " exiting..."), "producer " + pid + " finished");
        }
        assertEquals("Parent process exiting...", lines.get(lines.size() - 1));
        launched.forEach(p -> assertFalse(p.isAlive(), "child " + p.pid() + " still running"));
    }

    @Test
    void withTheSeedsSixConsumersAndRandomDelaysEveryNameStillCrossesOnce() {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(0, ProcessQueue.run(new String[] {"--scale", "0.005", "--seed", "42"},
                out.stream, err.stream, p -> { }), err.text());
        List<String> got = out.lines().stream().map(GOT::matcher).filter(Matcher::matches)
                .map(m -> m.group(2)).sorted().collect(Collectors.toList());
        assertEquals(ProcessQueue.NAMES.stream().flatMap(List::stream).sorted().collect(Collectors.toList()), got);
        assertEquals(6, out.lines().stream().filter(l -> l.startsWith("Starting consumer => ")).count());
    }

    @Test
    void childrenEndWhenTheirParentIsKilled() throws Exception {
        for (boolean forcibly : new boolean[] {false, true}) {  // SIGTERM (runs the hook), then SIGKILL (no hook)
            String java = ProcessHandle.current().info().command().orElseThrow();
            String classes = Path.of(ProcessQueue.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            Process parent = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", classes, ProcessQueue.class.getName(),
                    "--consumers", "2", "--scale", "10")  // delays of up to 100 s: only the kill can end it
                    .redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try {
                    new BufferedReader(new InputStreamReader(parent.getInputStream(), UTF_8)).lines().forEach(lines::add);
                } catch (UncheckedIOException closedWhenTheParentDied) {
                    // nothing more to read
                }
            });
            reader.setDaemon(true);
            reader.start();
            // Every child is running its main (not merely forked) when it has said "Starting ...".
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> lines.stream().filter(l -> l.startsWith("Starting ")).count() == 5);
            List<ProcessHandle> children = parent.children().collect(Collectors.toList());
            assertEquals(5, children.size(), lines.toString());
            if (forcibly) {
                parent.destroyForcibly();
            } else {
                parent.destroy();
            }
            parent.onExit().join();
            await().atMost(Duration.ofSeconds(20)).until(() -> children.stream().noneMatch(ProcessQueueTest::running));
        }
    }

    @Test
    void badConsumerCountIsOneLineOnStderrAndExitCode2() {
        Captured out = new Captured();
        Captured err = new Captured();
        List<Process> launched = new ArrayList<>();
        assertEquals(2, ProcessQueue.run(new String[] {"--consumers", "many"}, out.stream, err.stream, launched::add));
        assertEquals(List.of("ProcessQueue: not a whole number for --consumers: many"), err.lines());
        assertTrue(launched.isEmpty());
    }
}
