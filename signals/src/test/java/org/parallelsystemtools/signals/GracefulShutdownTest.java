package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.signals.beyond.GracefulShutdown;

@Execution(ExecutionMode.CONCURRENT)
class GracefulShutdownTest {

    private static final Pattern HEADER = Pattern.compile("GracefulShutdown (\\d+): (\\d+) items of ([\\d.]+) s each, "
            + "temp file (.+) \\(stop it: kill -TERM \\d+ or Ctrl-C\\)");

    @Test
    void sigtermFinishesTheItemInHandRemovesTheFileAndExits143() {
        RealProcess.Running worker = RealProcess.of(GracefulShutdown.class).timeout(BookOutputTest.PATIENCE)
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
        assertEquals(1, run.count("Got SIGTERM \\(15\\) at .*: finishing the work in hand"), run.terminal());
        long started = run.count("Item \\d+ started");
        assertEquals(started, run.count("Item \\d+ done"), "every item started was finished: " + lines);
        assertTrue(started >= 2 && started < 1000, "stopped early: " + lines);
        assertEquals("Removed " + tempFile, lines.get(lines.size() - 2));
        assertEquals("Exiting with status 143 (128 + 15)", lines.get(lines.size() - 1));
        assertFalse(Files.exists(tempFile), "temp file removed");
    }

    @Test
    void withoutASignalItDoesAllItemsAndStillCleansUp() {
        RealProcess.Result run = RealProcess.of(GracefulShutdown.class).timeout(BookOutputTest.PATIENCE)
                .args("--items", "2", "--item-seconds", "0.01").run();

        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        Matcher header = header(lines.get(0));
        assertEquals("2", header.group(2));
        assertEquals("0.01", header.group(3));
        Path tempFile = Path.of(header.group(4));
        assertEquals(List.of("Item 1 started", "Item 1 done", "Item 2 started", "Item 2 done",
                "Removed " + tempFile), lines.subList(1, lines.size()));
        assertFalse(Files.exists(tempFile));
        assertEquals("", run.err());
    }

    @Test
    void aBadOptionIsOneLineAndStatusTwo() {
        RealProcess.Result run = RealProcess.of(GracefulShutdown.class).timeout(BookOutputTest.PATIENCE)
                .args("--items", "99999999").run();

        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertEquals("GracefulShutdown: --items must be a whole number from 1 to 1000000, not '99999999' "
                + "(usage: GracefulShutdown [--items N] [--item-seconds S])\n", run.err());
    }

    private static Matcher header(String line) {
        Matcher header = HEADER.matcher(line);
        assertTrue(header.matches(), line);
        return header;
    }
}
