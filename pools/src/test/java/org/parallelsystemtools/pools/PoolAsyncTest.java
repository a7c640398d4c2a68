package org.parallelsystemtools.pools;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PoolAsyncTest {

    private static final Pattern STARTING = Pattern.compile("Task (\\d+) starting, thread=(.+)");
    private static final Pattern DONE = Pattern.compile("Task (\\d+) done in \\d+\\.\\d\\ds");

    private final Output out = new Output();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger maxRunning = new AtomicInteger();
    private final Set<Integer> finished = new ConcurrentSkipListSet<>();

    private void enter() {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    private void leave(int id) {
        running.decrementAndGet();
        finished.add(id);
    }

    @Test
    void atMostThreeTasksRunAtOnceAndAllTenFinish() throws Exception {
        PoolAsync.runAsync(3, 10, id -> {
            enter();
            try {
                Thread.sleep(10);
            } finally {
                leave(id);
            }
        }, out.stream);

        assertTrue(maxRunning.get() <= 3, "tasks at once: " + maxRunning.get());
        assertEquals(IntStream.range(0, 10).boxed().collect(Collectors.toSet()), finished);
        List<String> lines = out.lines();
        assertEquals("=== All tasks finished ===", lines.get(lines.size() - 1));
        assertEquals(10, lines.stream().filter(l -> DONE.matcher(l).matches()).count());
        Set<String> threads = new TreeSet<>();
        for (String line : lines) {
            Matcher m = STARTING.matcher(line);
            if (m.matches()) {
                threads.add(m.group(2));
            }
        }
        assertTrue(threads.size() <= 3, "worker threads: " + threads);
    }

    @Test
    void submittingDoesNotWaitAndTheFourthTaskWaitsForAFreeThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                PoolAsync.runAsync(3, 10, id -> {
                    enter();
                    try {
                        release.await();
                    } finally {
                        leave(id);
                    }
                }, out.stream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        caller.start();
        try {
            // No task can finish before release: so the caller got past submitting all ten.
            await().atMost(30, SECONDS).until(() -> out.text().contains("=== Pool started ===") && running.get() == 3);
            assertTrue(finished.isEmpty());
            assertEquals(3, out.lines().stream().filter(l -> STARTING.matcher(l).matches()).count(),
                    "three threads, all busy: nobody may start a fourth task");
        } finally {
            release.countDown();
            caller.join(30_000);
        }
        assertFalse(caller.isAlive());
        assertEquals(10, finished.size());
        assertEquals(3, maxRunning.get());
        assertEquals("=== All tasks finished ===", out.lines().get(out.lines().size() - 1));
    }

    @Test
    void theProgramRunsTenTasksAndEnds() throws Exception {
        Output err = new Output();
        assertEquals(0, PoolAsync.run(new String[] {"--scale", "0.01", "--seed", "7"}, out.stream, err.stream));
        List<String> lines = out.lines();
        assertEquals(22, lines.size(), out.text());
        assertTrue(lines.contains("=== Pool started ==="));
        for (int id = 0; id < 10; id++) {
            String task = "Task " + id + " ";
            assertEquals(1, lines.stream().filter(l -> l.startsWith(task)
                    && l.matches("Task \\d+ starting, thread=pool-\\d+-thread-[123]")).count(), task);
            assertEquals(1, lines.stream().filter(l -> l.startsWith(task) && DONE.matcher(l).matches()).count(), task);
        }
        assertEquals("", err.text());
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndExitCode2() throws Exception {
        Output err = new Output();
        assertEquals(2, PoolAsync.run(new String[] {"--pool", "0"}, out.stream, err.stream));
        assertEquals(List.of("PoolAsync: --pool must be a whole number >= 1, not '0'"), err.lines());
        assertEquals(2, PoolAsync.run(new String[] {"--threads", "3"}, out.stream, err.stream));
        assertEquals("PoolAsync: unknown option '--threads' (options: --tasks --pool --scale --seed)", err.lines().get(1));
        assertEquals("", out.text());
    }
}
