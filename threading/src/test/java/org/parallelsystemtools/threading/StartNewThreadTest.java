package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class StartNewThreadTest {

    private final List<Thread> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Thread thread : started) {
            thread.interrupt();
            thread.join(10_000);
            assertFalse(thread.isAlive(), thread.getName() + " did not stop");
        }
    }

    @Test
    void everyThreadCountsToTheEndAfterMainHasSaidGoodbye() throws Exception {
        Captured c = Captured.run((args, out, err) -> {
            int code = StartNewThread.run(args, out, err, started);
            for (Thread thread : started) {
                thread.join(20_000);
            }
            return code;
        }, "--delay-ms", "1");
        assertEquals(0, c.code);
        assertEquals("", c.err);
        assertEquals(5, started.size());
        for (Thread thread : started) {
            assertFalse(thread.isAlive(), thread.getName() + " never finished");
            assertFalse(thread.isDaemon(), "non-daemon threads are what keeps the JVM alive");
        }
        List<String> lines = new ArrayList<>(c.outLines());
        assertTrue(lines.remove("Main thread exiting"), c.out);
        // the main line may come anywhere; without it, every count line is whole and in order
        lines.add("end");
        CountLines.assertEveryThreadCountedInOrder(lines, 5, 5, "end");
    }

    @Test
    void mainReturnsWithoutWaitingForItsThreads() throws Exception {
        // A minute before each line: the threads cannot be done when run() returns.
        Captured c = Captured.run((args, out, err) -> StartNewThread.run(args, out, err, started),
                "--delay-ms", "60000");
        assertEquals(0, c.code);
        assertEquals(List.of("Main thread exiting"), c.outLines());
        assertEquals(5, started.size());
        for (Thread thread : started) {
            assertTrue(thread.isAlive(), thread.getName() + " should still be counting");
        }
    }

    @Test
    void theJvmStaysAliveUntilTheLastNonDaemonThreadEnds() throws Exception {
        Process child = new ProcessBuilder(DaemonThreads.javaBinary(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", DaemonThreads.ownClasspath(), StartNewThread.class.getName(),
                "--threads", "3", "--count", "4", "--delay-ms", "20")
                .redirectErrorStream(true).start();
        try {
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue(), output);
            List<String> lines = new ArrayList<>(output.lines().toList());
            assertTrue(lines.remove("Main thread exiting"), output);
            // main returned, yet the JVM ran on until all three had counted to the end
            Map<String, List<Integer>> counted = CountLines.byId(lines);
            assertEquals(Map.of("0", CountLines.upTo(4), "1", CountLines.upTo(4), "2", CountLines.upTo(4)),
                    counted);
            assertEquals(12, lines.size(), output);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        assertFalse(child.isAlive(), "no child JVM left behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--threads 0", "--count x", "--daemon true", "--delay-ms"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        Captured c = Captured.run((a, out, err) -> StartNewThread.run(a, out, err, started), args.split(" "));
        assertEquals(2, c.code);
        assertEquals("", c.out);
        assertEquals(1, c.errLines().size(), c.err);
        assertTrue(c.err.startsWith("StartNewThread: "), c.err);
        assertTrue(started.isEmpty());
    }
}
