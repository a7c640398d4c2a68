package org.parallelsystemtools.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {

    private static final String HEADER = "GracefulShutdown (\\d+): (\\d+) items, temp file (.+) "
            + "\\(stop it: kill -TERM \\d+ or Ctrl-C\\)";

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void sigtermFinishesTheItemInHandRemovesTheFileAndExits143() throws Exception {
        try (JavaChild worker = JavaChild.start(GracefulShutdown.class, "--items", "1000", "--item-seconds", "0.3")) {
            Matcher header = worker.awaitLine(HEADER);
            assertEquals(worker.process.pid(), Long.parseLong(header.group(1)));
            Path tempFile = Path.of(header.group(3));
            assertTrue(Files.exists(tempFile), "it made its temp file");
            worker.awaitLine("Item 2 started");

            worker.kill("TERM");

            assertEquals(143, worker.awaitExit(), worker.lines()::toString);
            List<String> lines = worker.lines();
            assertEquals(1, lines.stream().filter(line -> line.startsWith("Got SIGTERM (15) at ")).count(),
                    lines::toString);
            long started = count(lines, "Item \\d+ started");
            assertEquals(started, count(lines, "Item \\d+ done"), "every item started was finished: " + lines);
            assertTrue(started >= 2 && started < 1000, "stopped early: " + lines);
            assertEquals("Removed " + tempFile, lines.get(lines.size() - 2));
            assertEquals("Exiting with status 143 (128 + 15)", lines.get(lines.size() - 1));
            assertFalse(Files.exists(tempFile), "temp file removed");
            assertFalse(worker.process.isAlive());
        }
    }

    @Test
    void withoutASignalItDoesAllItemsAndStillCleansUp() {
        Output out = new Output();
        Output err = new Output();

        assertEquals(0, GracefulShutdown.run(new String[] {"--items", "2", "--item-seconds", "0.01"},
                out.stream, err.stream));

        List<String> lines = out.lines();
        Matcher header = Pattern.compile(HEADER).matcher(lines.get(0));
        assertTrue(header.matches(), lines::toString);
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(header.group(1)));
        Path tempFile = Path.of(header.group(3));
        assertEquals(List.of("Item 1 started", "Item 1 done", "Item 2 started", "Item 2 done",
                "Removed " + tempFile), lines.subList(1, lines.size()));
        assertFalse(Files.exists(tempFile));
        assertTrue(err.lines().isEmpty());
    }

    @Test
    void badOptionsAreOneLineAndStatusTwo() {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, GracefulShutdown.run(new String[] {"--items", "many"}, out.stream, err.stream));
        assertEquals(List.of("GracefulShutdown: --items needs a whole number, not 'many' "
                + "(options: --items N --item-seconds S)"), err.lines());
        assertTrue(out.lines().isEmpty());
    }

    private static long count(List<String> lines, String regex) {
        return lines.stream().filter(line -> line.matches(regex)).count();
    }
}
