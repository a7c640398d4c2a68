package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallelsystemtools.forking.beyond.SpawnRate;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * However the top process of a program ends, nothing it started is left a few seconds later:
 * Ctrl-C (SIGINT to the whole process group), {@code kill} (SIGTERM) or {@code kill -9} (SIGKILL)
 * while a child is starting or running. Watched children end with their parent; ForkCount's
 * unwatched children end by themselves after their count. ({@code finish()} fails the test if
 * any process the program started is still alive.)
 */
@Execution(ExecutionMode.CONCURRENT)
class NothingLeftTest {

    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({
        "ForkLoop, INT, Hello from parent",
        "ForkLoop, TERM, Hello from parent",
        "ForkLoop, KILL, Hello from parent",
        "ForkCount, INT, spawned",
        "ForkCount, TERM, spawned",
        "ForkCount, KILL, spawned",
    })
    void nothingIsLeftAfterTheSignal(String program, String signal, String started) throws Exception {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running running = RealProcess.of(Class.forName("org.parallelsystemtools.forking." + program))
                .asJob().pace(0.2).timeout(Duration.ofSeconds(120)).start();
        try {
            running.awaitOutput(out -> out.contains(started));
            if (signal.equals("INT")) {
                running.signalGroup("INT");          // Ctrl-C reaches the whole job
            } else {
                running.signal(signal);
            }
            running.finish();
        } finally {
            running.kill();
        }
    }

    /**
     * SpawnRate works in a temporary folder (a jar, class-data archives): Ctrl-C or SIGTERM while
     * a training run writes an archive there leaves nothing, neither the folder nor a process.
     */
    @ParameterizedTest(name = "SpawnRate after {0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void spawnRateLeavesNoFolderAfterTheSignal(String signal, int code, @TempDir Path tmp) throws Exception {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running running = RealProcess.of(SpawnRate.class).asJob().jvm("-Djava.io.tmpdir=" + tmp)
                .args("--count", "1", "--warmup", "0").timeout(Duration.ofSeconds(120)).start();
        try {
            running.awaitOutput(out -> out.contains("making an AppCDS archive"));
            assertEquals(1, files(tmp).size(), "its folder is there while it works: " + files(tmp));
            if (signal.equals("INT")) {
                running.signalGroup("INT");
            } else {
                running.signal("TERM");
            }
            RealProcess.Result run = running.finish();
            assertEquals(code, run.code(), "ended by the signal, not by its own end: " + run.terminal());
            assertEquals(List.of(), files(tmp));
        } finally {
            running.kill();
        }
    }

    /** kill -9 leaves SharedMemory's file; the next run removes it, and only files whose run has ended. */
    @Test
    void sharedMemoryRemovesTheFileAKilledRunLeft(@TempDir Path tmp) throws Exception {
        RealProcess.Running first = RealProcess.of(SharedMemory.class).pace(0.05).jvm("-Djava.io.tmpdir=" + tmp)
                .timeout(Duration.ofSeconds(120)).start().closeStdin();
        first.awaitOutput(out -> out.contains("loop1"));
        first.signal("KILL");
        first.finish();
        assertEquals(1, files(tmp).size(), "kill -9 left its file: " + files(tmp));
        Path live = Files.createFile(tmp.resolve("multi3-" + ProcessHandle.current().pid() + "-1.shm"));
        RealProcess.Result next = RealProcess.of(SharedMemory.class).pace(0.05).jvm("-Djava.io.tmpdir=" + tmp)
                .timeout(Duration.ofSeconds(120)).run();
        assertEquals(0, next.code(), next.terminal());
        assertEquals(List.of(live), files(tmp), "the killed run's file is gone, a live run's is kept");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
