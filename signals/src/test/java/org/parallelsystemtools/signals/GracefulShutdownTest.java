package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.signals.beyond.GracefulShutdown;

/**
 * GracefulShutdown finishes the item in hand after a signal, but no longer than its grace; it
 * leaves no file after TERM or Ctrl-C, and removes what a kill -9 left. Each run has a temp
 * folder of its own, so that runs at the same time do not see each other's files.
 */
@Execution(ExecutionMode.CONCURRENT)
class GracefulShutdownTest {

    private static final Pattern HEADER = Pattern.compile("GracefulShutdown (\\d+): (\\d+) items of ([\\d.]+) s each, "
            + "temp file (.+) \\(stop it: kill -TERM \\d+ or Ctrl-C; it then waits at most ([\\d.]+) s for the item in hand\\)");

    @TempDir
    Path tmp;

    @Test
    void sigtermFinishesTheItemInHandRemovesTheFileAndExits143() throws IOException {
        RealProcess.Running worker = inTmp(RealProcess.of(GracefulShutdown.class))
                .args("--items", "1000", "--item-seconds", "0.3").start();
        worker.awaitOutput(out -> out.contains("Item 2 started"));
        Matcher header = header(worker.out().lines().findFirst().orElseThrow());
        assertEquals(worker.pid(), Long.parseLong(header.group(1)));
        Path tempFile = Path.of(header.group(4));
        assertTrue(Files.exists(tempFile), "it made its temp file");

        worker.signal("TERM");

        RealProcess.Result run = worker.finish();
        assertEquals(143, run.code(), run.terminal());
        List<String> lines = run.outLines();
        assertEquals(1, run.count("Got SIGTERM \\(15\\) at .*: finishing the work in hand, for at most 10 s"), run.terminal());
        long started = run.count("Item \\d+ started");
        assertEquals(started, run.count("Item \\d+ done"), "every item started was finished: " + lines);
        assertTrue(started >= 2 && started < 1000, "stopped early: " + lines);
        assertEquals("Removed " + tempFile, lines.get(lines.size() - 2));
        assertEquals("Exiting with status 143 (128 + 15)", lines.get(lines.size() - 1));
        assertEquals(List.of(), files(), "nothing left");
    }

    @Test
    void ctrlCDuringAnHourLongItemEndsWhenTheGraceIsOver() throws IOException {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running worker = inTmp(RealProcess.of(GracefulShutdown.class).asJob())
                .args("--items", "2", "--item-seconds", "3600", "--grace-seconds", "0.5").start();
        RealProcess.Result run;
        try {
            worker.awaitOutput(out -> out.contains("Item 1 started"));
            worker.signalGroup("INT");
            run = worker.finish();   // within the test's patience, not an hour
        } finally {
            worker.kill();
        }
        assertEquals(130, run.code(), run.terminal());
        Path tempFile = Path.of(header(run.outLines().get(0)).group(4));
        assertEquals(List.of("Item 1 started"), run.outLines().subList(1, 2));
        assertEquals(1, run.count("Got SIGINT \\(2\\) at .*: finishing the work in hand, for at most 0.5 s"), run.terminal());
        assertEquals(1, run.count("Abandoned item 1 after [\\d.]+ s of its 3600 s: it is not in " + Pattern.quote(tempFile.toString())),
                run.terminal());
        assertEquals(0, run.count("Item \\d+ done"), run.terminal());
        assertEquals(List.of("Removed " + tempFile, "Exiting with status 130 (128 + 2)"),
                run.outLines().subList(run.outLines().size() - 2, run.outLines().size()));
        assertEquals(List.of(), files(), "nothing left");
    }

    @Test
    void aRunRemovesWhatAKilledRunLeftAndKeepsALiveOnesFile() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.writeString(tmp.resolve("graceful-" + gone.pid() + "-1.work"), "item 1\n");
        Path live = Files.writeString(tmp.resolve("graceful-" + ProcessHandle.current().pid() + "-2.work"), "item 1\n");

        RealProcess.Result run = inTmp(RealProcess.of(GracefulShutdown.class))
                .args("--items", "1", "--item-seconds", "0.01").run();

        assertEquals(0, run.code(), run.terminal());
        assertEquals(List.of("Removed " + stale + ", left by pid " + gone.pid() + ", which is gone"),
                run.outLines().stream().filter(line -> line.contains(", left by pid ")).toList());
        assertFalse(Files.exists(stale), "the killed run's file is gone");
        assertTrue(Files.exists(live), "the file of a process still running stays");
        assertEquals(List.of(live), files());
    }

    @Test
    void withoutASignalItDoesAllItemsAndStillCleansUp() throws IOException {
        RealProcess.Result run = inTmp(RealProcess.of(GracefulShutdown.class))
                .args("--items", "2", "--item-seconds", "0.01").run();

        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        Matcher header = header(lines.get(0));
        assertEquals("2", header.group(2));
        assertEquals("0.01", header.group(3));
        assertEquals("10", header.group(5));
        Path tempFile = Path.of(header.group(4));
        assertEquals(List.of("Item 1 started", "Item 1 done", "Item 2 started", "Item 2 done",
                "Removed " + tempFile), lines.subList(1, lines.size()));
        assertEquals(List.of(), files());
        assertEquals("", run.err());
    }

    private RealProcess inTmp(RealProcess program) {
        return program.jvm("-Djava.io.tmpdir=" + tmp).timeout(BookOutputTest.PATIENCE);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    private static Matcher header(String line) {
        Matcher header = HEADER.matcher(line);
        assertTrue(header.matches(), line);
        return header;
    }
}
