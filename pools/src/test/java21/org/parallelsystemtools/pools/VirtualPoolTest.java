package org.parallelsystemtools.pools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.pools.beyond.VirtualPool;
import org.parallelsystemtools.pools.beyond.VirtualPool21;

/** JDK 21+: a virtual thread per task, at most N of them working at once. */
@Execution(ExecutionMode.CONCURRENT)
class VirtualPoolTest {

    @Test
    void everyTaskGetsItsOwnVirtualThreadAndAtMostThreeWorkAtOnce() throws Exception {
        AtomicInteger working = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        VirtualPool21.run(30, 3, id -> {
            assertTrue(Thread.currentThread().isVirtual());
            threads.add(Thread.currentThread());
            most.accumulateAndGet(working.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20); // without the semaphore, all thirty would be asleep here at once
            } finally {
                working.decrementAndGet();
            }
        }, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertTrue(most.get() <= 3, "tasks working at once: " + most.get());
        assertEquals(30, threads.size(), "a virtual thread is never reused for a second task");
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(30, out.lines().filter(l -> l.matches("Task \\d+ done in \\d+\\.\\d\\ds")).count(), out);
        assertTrue(out.endsWith("=== All tasks finished ===\n"), out);
    }

    @Test
    void theProgramRunsTheTutorialsTenTasks() {
        RealProcess.Running running = RealProcess.of(VirtualPool.class).args("--scale", "0.05").start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        assertEquals(10, run.count("Task \\d+ starting, pid=" + running.pid() + ", VirtualThread\\[#\\d+\\].*"), run.out());
        assertEquals(10, run.count("Task \\d+ done in \\d+\\.\\d\\ds"), run.out());
        assertEquals("=== All tasks finished ===", run.outLines().get(run.outLines().size() - 1));
    }
}
