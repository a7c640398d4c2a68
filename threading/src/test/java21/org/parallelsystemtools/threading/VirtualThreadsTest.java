package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.threading.beyond.VirtualThreads;

/** JDK 21+: virtual threads are not OS threads, and what the JDK's pinning diagnostics report. */
@Timeout(400)
@Execution(ExecutionMode.CONCURRENT)
class VirtualThreadsTest {

    private static final Pattern ROW = Pattern.compile("  (.+?) +(\\d+) +(\\d+)");

    /** The platform and virtual figures of the row {@code name} in the table after {@code title}. */
    private static long[] row(List<String> lines, String title, String name) {
        for (String line : lines.subList(lines.indexOf(title) + 1, lines.size())) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                return new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
            }
        }
        throw new AssertionError("no row '" + name + "' after '" + title + "' in " + lines);
    }

    @Test
    void everyPlatformThreadIsAnOsThreadAndVirtualThreadsShareAFew() {
        // The sleepers wait until all 200 have started: however loaded the machine, all are alive at once.
        RealProcess.Result run = RealProcess.of(VirtualThreads.class)
                .args("--threads", "3", "--count", "5", "--sleepers", "200", "--sleep-ms", "300", "--pinned", "2")
                .timeout(Duration.ofSeconds(300)).run();   // five JVMs; minutes only on a machine loaded many times over
        assertEquals(0, run.code(), run.terminal());
        assertEquals("", run.err());
        List<String> lines = run.outLines();

        assertEquals(List.of(3L, 3L), List.of(row(lines, "3 x 5 counting", "threads started")[0],
                row(lines, "3 x 5 counting", "threads started")[1]));
        long[] started = row(lines, "200 sleepers of 300 ms", "threads started");
        long[] osThreads = row(lines, "200 sleepers of 300 ms", "OS threads at peak");
        assertEquals(200, started[0]);
        assertEquals(200, started[1]);
        assertTrue(osThreads[0] >= 200, "each sleeping platform thread is an OS thread: " + osThreads[0]);
        assertTrue(osThreads[1] < 100, "200 sleeping virtual threads need only a few carriers: " + osThreads[1]);

        String sync = lines.stream().filter(l -> l.contains("JFR jdk.VirtualThreadPinned events:")).findFirst()
                .orElseThrow(() -> new AssertionError(run.terminal()));
        String control = lines.stream().filter(l -> l.startsWith("  control, ")).findFirst()
                .orElseThrow(() -> new AssertionError(run.terminal()));
        assertTrue(control.contains(": 1 event"), "the JFR event is recorded at all: " + control);
        if (Runtime.version().feature() >= 24) {
            assertTrue(sync.endsWith("events: 0"), "JEP 491: synchronized no longer pins: " + sync);
        } else {
            assertTrue(sync.endsWith("events: 2"), "JDK 21-23: each sleep in synchronized pins: " + sync);
        }
    }
}
