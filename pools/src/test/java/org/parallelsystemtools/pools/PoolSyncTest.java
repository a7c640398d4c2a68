package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoolSyncTest {

    private final Output out = new Output();

    @Test
    void eachTaskStartsOnlyAfterThePreviousOneFinished() throws Exception {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        PoolSync.runSync(3, 10, id -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            events.add("start " + id);
            Thread.sleep(5);
            events.add("end " + id);
            running.decrementAndGet();
        }, out.stream);

        List<String> expected = new ArrayList<>();
        for (int id = 0; id < 10; id++) {
            expected.add("start " + id);
            expected.add("end " + id);
        }
        assertEquals(expected, events);
        assertEquals(1, maxRunning.get());
    }

    @Test
    void theOutputIsEveryTaskStartingThenDoneInOrder() throws Exception {
        Output err = new Output();
        assertEquals(0, PoolSync.run(new String[] {"--scale", "0.005", "--seed", "3"}, out.stream, err.stream));
        List<String> lines = out.lines();
        assertEquals(20, lines.size(), out.text());
        for (int id = 0; id < 10; id++) {
            assertTrue(lines.get(2 * id).matches("Task " + id + " starting, thread=pool-\\d+-thread-[123]"), lines.get(2 * id));
            assertTrue(lines.get(2 * id + 1).matches("Task " + id + " done in \\d+\\.\\d\\ds"), lines.get(2 * id + 1));
        }
        assertEquals("", err.text());
    }

    @Test
    void aBadNumberIsOneLineOnStderrAndExitCode2() throws Exception {
        Output err = new Output();
        assertEquals(2, PoolSync.run(new String[] {"--scale", "fast"}, out.stream, err.stream));
        assertEquals(List.of("PoolSync: --scale must be a number from 0 to 1e6, not 'fast'"), err.lines());
        assertEquals("", out.text());
    }
}
