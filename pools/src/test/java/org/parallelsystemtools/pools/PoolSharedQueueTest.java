package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolSharedQueueTest {

    private final Output out = new Output();
    private final long pid = ProcessHandle.current().pid();

    @Test
    void theReaderGetsTheSixLettersInOrder() throws Exception {
        assertEquals("Python", PoolSharedQueue.share(2, Duration.ofSeconds(30), out.stream));
        List<String> reads = out.lines().stream().filter(l -> l.startsWith("Read: ")).toList();
        assertEquals(List.of("Read: P", "Read: y", "Read: t", "Read: h", "Read: o", "Read: n"), reads);
        // Threads, not processes: both tasks report the caller's own pid.
        assertTrue(out.lines().stream().anyMatch(l -> l.matches("Writer started: thread=pool-\\d+-thread-\\d, pid=" + pid)));
        assertTrue(out.lines().stream().anyMatch(l -> l.matches("Reader started: thread=pool-\\d+-thread-\\d, pid=" + pid)));
        assertEquals("Done", out.lines().get(out.lines().size() - 1));
    }

    @Test
    void onAPoolOfOneTheReaderWaitsForAWriterQueuedBehindIt() throws Exception {
        assertEquals("", PoolSharedQueue.share(1, Duration.ofMillis(100), out.stream));
        List<String> lines = out.lines();
        int gaveUp = lines.indexOf("Reader gave up: nothing to read for 0.1s (is the writer queued behind the reader?)");
        int writer = lines.indexOf("Writer started: thread=" + lines.get(1).substring("Reader started: thread=".length()));
        assertTrue(gaveUp > 0 && writer > gaveUp, "the writer may only start after the reader gave up:\n" + out.text());
    }

    @Test
    void theProgramFailsWhenTheWordIsNotRead() throws Exception {
        Output err = new Output();
        assertEquals(1, PoolSharedQueue.run(new String[] {"--pool", "1", "--timeout", "0.05"}, out.stream, err.stream));
        assertEquals(0, PoolSharedQueue.run(new String[] {"--pool", "2"}, out.stream, err.stream));
        assertEquals("", err.text());
    }

    @Test
    void aBadPoolSizeIsOneLineOnStderrAndExitCode2() throws Exception {
        Output err = new Output();
        assertEquals(2, PoolSharedQueue.run(new String[] {"--pool"}, out.stream, err.stream));
        assertEquals(List.of("PoolSharedQueue: --pool needs a value"), err.lines());
    }
}
