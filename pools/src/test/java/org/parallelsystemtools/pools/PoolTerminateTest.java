package org.parallelsystemtools.pools;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolTerminateTest {

    private final Output out = new Output();
    private final AtomicInteger running = new AtomicInteger();

    @Test
    void terminatingInterruptsTheRunningTasksAndHandsBackTheQueuedOnes() throws Exception {
        ExecutorService pool = PoolTerminate.start(3, 10, id -> {
            running.incrementAndGet();
            try {
                Thread.sleep(60_000); // far longer than the test: only the interrupt ends it
            } finally {
                running.decrementAndGet();
            }
        }, out.stream);
        try {
            await().atMost(30, SECONDS).until(() -> running.get() == 3);
            List<Integer> cancelled = PoolTerminate.terminate(pool, Duration.ZERO, out.stream);

            assertEquals(0, running.get(), "no task may still run");
            assertTrue(pool.isTerminated());
            assertEquals(IntStream.range(3, 10).boxed().toList(), cancelled);
            List<String> lines = out.lines();
            for (int id = 0; id < 3; id++) {
                String task = "Task " + id + " ";
                assertTrue(lines.stream().anyMatch(l -> l.startsWith(task) && l.matches("Task \\d interrupted after \\d+\\.\\d\\ds")),
                        task + "was not interrupted:\n" + out.text());
            }
            for (int id : cancelled) {
                assertTrue(lines.contains("Task " + id + " cancelled, never started"));
                assertFalse(lines.stream().anyMatch(l -> l.startsWith("Task " + id + " starting")));
            }
            assertFalse(out.text().contains(" done in "));
            assertEquals("=== Pool terminated: 7 tasks cancelled ===", lines.get(lines.size() - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tasksThatFinishInTimeNeedNoTerminate() throws Exception {
        ExecutorService pool = PoolTerminate.start(3, 10, id -> { }, out.stream);
        try {
            assertEquals(List.of(), PoolTerminate.terminate(pool, Duration.ofSeconds(30), out.stream));
            assertEquals(10, out.lines().stream().filter(l -> l.contains(" done in ")).count());
            assertEquals("=== All tasks finished ===", out.lines().get(out.lines().size() - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBadDeadlineIsOneLineOnStderrAndExitCode2() throws Exception {
        Output err = new Output();
        assertEquals(2, PoolTerminate.run(new String[] {"--after", "-1"}, out.stream, err.stream));
        assertEquals(List.of("PoolTerminate: --after must be a number from 0 to 1e6, not '-1'"), err.lines());
        assertEquals("", out.text());
    }
}
