package org.parallelsystemtools.pools;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.pools.beyond.ProcessPool;

/** The pool of worker JVMs: real pids, reuse, crash replacement, and no worker outliving its pool. */
@Execution(ExecutionMode.CONCURRENT)
class ProcessPoolTest {

    private static final Pattern STARTING = Pattern.compile("Task (\\d+) starting, pid=(\\d+)");

    private static Set<Long> startedBy(List<String> lines) {
        Set<Long> pids = new LinkedHashSet<>();
        for (String line : lines) {
            Matcher m = STARTING.matcher(line);
            if (m.matches()) {
                pids.add(Long.parseLong(m.group(2)));
            }
        }
        return pids;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void tenTasksRunOnThreeReusedWorkerJvmsAndACrashedOneIsReplaced() {
        RealProcess.Running running = RealProcess.of(ProcessPool.class)
                .args("--scale", "0.05", "--crash", "4").start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        assertEquals("Main process: pid=" + running.pid(), lines.get(1));
        Matcher failed = Pattern.compile("Task 4 failed: worker pid=(\\d+) died \\(exit 1\\), replaced by pid=(\\d+)")
                .matcher(run.out());
        assertTrue(failed.find(), run.out());
        Set<Long> workers = startedBy(lines);
        assertFalse(workers.contains(running.pid()), "a worker is another process");
        assertTrue(workers.contains(Long.parseLong(failed.group(1))), run.out());
        assertEquals(10, run.count("Task \\d+ starting, pid=\\d+"), run.out());
        assertTrue(workers.size() == 3 || workers.size() == 4 && workers.contains(Long.parseLong(failed.group(2))),
                "three workers, reused, and the crashed one's replacement: " + workers);
        assertEquals(9, run.count("Task \\d+ done in \\d+\\.\\d\\ds"), run.out());
        assertFalse(run.out().contains("Task 4 done"));
        assertEquals("=== All tasks finished ===", lines.get(lines.size() - 1));
    }

    @Test
    void aPoolBeingTerminatedReplacesNobody() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProcessPool pool = new ProcessPool(2, out);
        try {
            List<Long> workers = pool.workerPids();
            CompletableFuture<String> running = pool.submit(0, 600_000, false);
            CompletableFuture<String> alsoRunning = pool.submit(1, 600_000, false);
            CompletableFuture<String> queued = pool.submit(2, 0, false);
            await().atMost(30, SECONDS).until(() -> bytes.toString(StandardCharsets.UTF_8).contains("Task 1 starting"));

            pool.terminate(); // both workers die while their dispatchers wait on them

            assertEquals(workers, pool.workerPids(), "a worker was started while terminating");
            assertTrue(workers.stream().noneMatch(ProcessPoolTest::alive));
            for (CompletableFuture<String> task : List.of(running, alsoRunning, queued)) {
                assertThrows(ExecutionException.class, () -> task.get(30, SECONDS));
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            assertFalse(text.contains("replaced") || text.contains("Task 2"), text);
            assertThrows(IllegalStateException.class, () -> pool.submit(3, 0, false));
        } finally {
            pool.close();
        }
    }

    @Test
    void aSignalToTheTerminalsProcessGroupEndsThePoolWithoutReplacingWorkers() throws Exception {
        // A terminal sends Ctrl-C to its whole foreground process group. The program runs here in
        // a group of its own (setsid) and gets TERM, which no shell ignores for background jobs.
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classes = Path.of(ProcessPool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process program = new ProcessBuilder("setsid", java, "-XX:TieredStopAtLevel=1", "-cp", classes,
                ProcessPool.class.getName(), "--tasks", "6", "--pool", "2", "--scale", "10").redirectErrorStream(true).start();
        Set<Long> workers = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(program.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; workers.size() < 2 && (line = reader.readLine()) != null; ) {
                lines.add(line);
                workers.addAll(startedBy(List.of(line)));
            }
            assertEquals(2, workers.size(), String.join("\n", lines));

            new ProcessBuilder("kill", "-TERM", "--", "-" + program.pid()).inheritIO().start().waitFor();

            reader.lines().forEach(lines::add);
            assertTrue(program.waitFor(30, SECONDS));
            assertEquals(143, program.exitValue(), String.join("\n", lines));
            assertTrue(lines.stream().noneMatch(l -> l.contains("replaced") || l.contains("failed")), String.join("\n", lines));
            await().atMost(10, SECONDS).until(() -> workers.stream().noneMatch(ProcessPoolTest::alive));
        } finally {
            program.destroyForcibly();
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    @Test
    void workersEndWhenTheirPoolsJvmIsKilled() {
        RealProcess.Running running = RealProcess.of(ProcessPool.class).args("--pool", "2", "--scale", "10").start();
        running.awaitOutput(out -> startedBy(List.of(out.split("\n"))).size() == 2);
        running.process().destroyForcibly(); // no close(), no shutdown hook: the workers notice by themselves
        assertEquals(137, running.finish().code()); // finish() fails if a worker is left
    }
}
