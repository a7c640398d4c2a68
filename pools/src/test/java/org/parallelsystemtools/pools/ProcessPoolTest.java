package org.parallelsystemtools.pools;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessPoolTest {

    private static final Pattern STARTING = Pattern.compile("Task (\\d+) starting, pid=(\\d+)");

    private final Output out = new Output();
    private final long me = ProcessHandle.current().pid();

    /** Task id -> the pid that printed "starting" for it. */
    private Map<Integer, Long> startedBy() {
        Map<Integer, Long> pids = new TreeMap<>();
        for (String line : out.lines()) {
            Matcher m = STARTING.matcher(line);
            if (m.matches()) {
                pids.put(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
            }
        }
        return pids;
    }

    @AfterEach
    void nothingIsLeftBehind() {
        await().atMost(30, SECONDS).until(() -> ProcessHandle.current().descendants().findAny().isEmpty());
    }

    @Test
    void tenTasksRunOnThreeWorkerProcessesThatAreReused() throws Exception {
        List<Long> workers;
        try (ProcessPool pool = new ProcessPool(3, out.stream)) {
            workers = pool.workerPids();
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int id = 0; id < 10; id++) {
                results.add(pool.submit(id, 20, false));
            }
            for (CompletableFuture<String> result : results) {
                assertTrue(result.get(60, SECONDS).matches("\\d+\\.\\d\\d"), "a result is the time taken");
            }
            assertEquals(workers, pool.workerPids(), "no worker was started per task");
        }
        Map<Integer, Long> startedBy = startedBy();
        assertEquals(10, startedBy.size(), out.text());
        Set<Long> distinct = new HashSet<>(startedBy.values());
        assertEquals(Set.copyOf(workers), distinct, "the pids the workers printed are the pids the pool started");
        assertEquals(3, distinct.size());
        assertFalse(distinct.contains(me), "a worker is another process");
        assertEquals(10, out.lines().stream().filter(l -> l.matches("Task \\d done in \\d+\\.\\d\\ds")).count());
        for (long pid : workers) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "closed, yet alive: " + pid);
        }
    }

    @Test
    void aKilledWorkerFailsItsTaskAndIsReplaced() throws Exception {
        try (ProcessPool pool = new ProcessPool(3, out.stream)) {
            CompletableFuture<String> victim = pool.submit(0, 600_000, false);
            await().atMost(60, SECONDS).until(() -> startedBy().containsKey(0));
            long killed = startedBy().get(0);
            assertTrue(pool.workerPids().contains(killed));

            ProcessHandle.of(killed).orElseThrow().destroyForcibly();

            ExecutionException failure = assertThrows(ExecutionException.class, () -> victim.get(60, SECONDS));
            assertTrue(failure.getCause().getMessage().contains("worker pid=" + killed + " died"), failure.getMessage());
            // The pool reports and replaces the worker before it fails the task.
            List<Long> workers = pool.workerPids();
            assertFalse(workers.contains(killed));
            assertEquals(3, new HashSet<>(workers).size());
            assertTrue(out.lines().stream().anyMatch(l -> l.matches(
                    "Task 0 failed: worker pid=" + killed + " died \\(exit \\d+\\), replaced by pid=\\d+")), out.text());

            // The pool carries on with its three workers, the new one among them.
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int id = 1; id <= 6; id++) {
                results.add(pool.submit(id, 20, false));
            }
            for (CompletableFuture<String> result : results) {
                result.get(60, SECONDS);
            }
            startedBy().forEach((id, pid) -> {
                if (id > 0) {
                    assertTrue(workers.contains(pid), "task " + id + " ran on " + pid + ", not a current worker");
                }
            });
        }
    }

    @Test
    void theProgramReportsACrashedWorkersTaskAndFinishesTheRest() throws Exception {
        Output err = new Output();
        assertEquals(0, ProcessPool.run(new String[] {"--tasks", "6", "--scale", "0.01", "--crash", "2"}, out.stream, err.stream));
        List<String> lines = out.lines();
        assertEquals("Main process: pid=" + me, lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches("Task 2 failed: worker pid=\\d+ died \\(exit 1\\), replaced by pid=\\d+")),
                out.text());
        for (int id : new int[] {0, 1, 3, 4, 5}) {
            String done = "Task " + id + " done in ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(done)), done + "missing:\n" + out.text());
        }
        assertFalse(out.text().contains("Task 2 done"));
        assertEquals("=== All tasks finished ===", lines.get(lines.size() - 1));
        assertEquals("", err.text());
    }

    @Test
    void workersEndWhenTheParentJvmIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String classes = Path.of(ProcessPool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process parent = new ProcessBuilder(java, "-cp", classes, ProcessPool.class.getName(), "--tasks", "3", "--scale", "300")
                .redirectErrorStream(true).start();
        try {
            Set<Long> workers = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
            for (String line; workers.size() < 3 && (line = lines.readLine()) != null; ) {
                Matcher m = STARTING.matcher(line);
                if (m.matches()) {
                    workers.add(Long.parseLong(m.group(2)));
                }
            }
            assertEquals(3, workers.size(), "three workers, each busy with a long task");
            assertNotEquals(0, parent.descendants().count());

            parent.destroyForcibly(); // no close(), no finally: the workers must notice by themselves

            await().atMost(30, SECONDS).until(() -> workers.stream().noneMatch(
                    pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        } finally {
            parent.destroyForcibly();
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aBadOptionIsOneLineOnStderrAndExitCode2() throws Exception {
        Output err = new Output();
        assertEquals(2, ProcessPool.run(new String[] {"--crash", "soon"}, out.stream, err.stream));
        assertEquals(List.of("ProcessPool: --crash must be a whole number >= 0, not 'soon'"), err.lines());
        assertEquals("", out.text());
    }
}
