package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program of the module, run as a real process: its output fits its {@code /* Output:}
 * block, and the same run shows the lesson the program exists for.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    private static final double PACE = 0.05;

    @Test
    void waitForAnyReportsTheChildThatEndedFirst() {
        // A sleep unit of 0.5 s, and an order verdict only where the sleeps differ by two units
        // or more: the two child JVMs start side by side, far closer together than a second.
        RealProcess.Running running = program(WaitForAny.class).pace(0.5).start();
        RealProcess.Result run = running.closeStdin().finish();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(WaitForAny.class, run.terminal());
        Blocks blocks = new Blocks(run.terminal());
        // each process's header and pid line arrive as one piece, in every run
        long parent = blocks.pid("Parent waiting for child processes...", "\tpid: (\\d+), forkPID1: \\d+, forkPID2: \\d+");
        long child1 = blocks.pid("Child1 sleeping for \\d seconds...", "\tpid: (\\d+), forkPID1: 0");
        long child2 = blocks.pid("Child2 sleeping for \\d seconds...", "\tpid: (\\d+), forkPID1: \\d+, forkPID2: 0");
        assertEquals(running.pid(), parent);
        // the pids fork returned to the parent are the pids the children have; child 2 knows child 1's
        assertTrue(run.terminal().contains("\tpid: " + parent + ", forkPID1: " + child1 + ", forkPID2: " + child2 + "\n"));
        assertTrue(run.terminal().contains("\tpid: " + child2 + ", forkPID1: " + child1 + ", forkPID2: 0\n"));
        long first = blocks.number("Parent: Child (\\d+) finished first, one child left.");
        long second = blocks.number("Parent: Child (\\d+) finished second, no children left.");
        assertEquals(List.of(child1, child2), first == child1 ? List.of(first, second) : List.of(second, first));
        int sleep1 = (int) blocks.number("Child1 sleeping for (\\d) seconds...");
        int sleep2 = (int) blocks.number("Child2 sleeping for (\\d) seconds...");
        if (Math.abs(sleep1 - sleep2) >= 2) {
            assertEquals(sleep1 < sleep2 ? child1 : child2, first, run.terminal());
        }
    }

    @Test
    void waitForOneWaitsForTheChildItNamesThoughTheOtherEndsFirst() {
        // Child 1 must be up and have printed before child 2 ends the program: a JVM on a busy
        // machine can take a second to start, where a forked Python child takes a millisecond.
        RealProcess.Result run = program(WaitForOne.class).pace(0.5).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(WaitForOne.class, run.terminal());
        Blocks blocks = new Blocks(run.terminal());
        long child2 = blocks.pid("Child2 sleeping for 4 seconds...", "\tpid: (\\d+), forkPID1: \\d+, forkPID2: 0");
        assertEquals(child2, blocks.number("Parent: Child (\\d+) finished."));
        assertTrue(run.terminal().endsWith("Parent: Child " + child2 + " finished.\n"), run.terminal());
    }

    @Test
    void reapChildrenReclaimsItsWorkerWithStatusZero() {
        RealProcess.Result run = program(ReapChildren.class).pace(PACE).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(ReapChildren.class, run.terminal());
        Blocks blocks = new Blocks(run.terminal());
        long worker = blocks.number("Reclaimed child: (\\d+), status: 0");
        assertEquals(5, run.count("Child " + worker + " working\\.\\.\\."), "the reclaimed child is the one that worked");
        List<String> lines = run.terminalLines();
        assertEquals("Cleanup complete", lines.get(lines.size() - 1));
        assertEquals(6, lines.indexOf("Reclaimed child: " + worker + ", status: 0"), "reclaimed after all 5 rounds");
    }

    @Test
    void exitCodeReaches42ToTheParentAndToTheShell() {
        RealProcess.Result run = program(ExitCode.class).pace(PACE).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(ExitCode.class, run.terminal());
        assertEquals(List.of("Bye sys world", "waitFor() -> 42", "Bye sys world", "echo $? -> 42"), run.terminalLines());
    }

    @Test
    void haltNowLosesTheBufferedLineAndSkipsTheHook() {
        RealProcess.Result run = program(HaltNow.class).pace(PACE).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(HaltNow.class, run.terminal());
        assertEquals(List.of(
                "Child ends with exit(99):",
                "  read from its pipe: Bye os world",
                "  read from its pipe: shutdown hook: flushing",
                "  exit status: 99",
                "Child ends with halt(99):",
                "  exit status: 99"), run.terminalLines());
    }

    @Test
    void exitStatusGivesEachParentWaitTheChildsOwnOne() {
        RealProcess.Result run = program(ExitStatus.class).pace(PACE).stdin("\nq\n").run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(ExitStatus.class, run.terminal());
        List<String> lines = run.terminalLines();
        assertEquals(4, lines.size(), run.terminal());
        List<Long> children = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 2) {
            // a fresh counter in every child: each one says 1 and exits with 1, raw status 256
            Matcher hello = Pattern.compile("Hello from child (\\d+) 1").matcher(lines.get(i));
            assertTrue(hello.matches(), lines.get(i));
            assertEquals("Parent got " + hello.group(1) + " 256 1", lines.get(i + 1));
            children.add(Long.parseLong(hello.group(1)));
        }
        assertEquals(2, children.stream().distinct().count(), "a new child each round");
    }

    @Test
    void exitStatusEndsAtTheEndOfInput() {
        RealProcess.Result run = program(ExitStatus.class).pace(PACE).run();
        assertEquals(0, run.code(), run.terminal());
        assertEquals(2, run.terminalLines().size(), run.terminal());
    }

    @Test
    void runCommandClearsTheScreenThroughAChildAndWritesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.txt");
        RealProcess.Result run = program(RunCommand.class).pace(PACE)
                .stdin(file + "\nfirst draft\nclear\nspam\neggs\nquit\nnot saved\n").run();
        assertEquals(0, run.code(), run.terminal());
        // `clear` is a child process writing to our standard output: its bytes (TERM=xterm, set
        // by the POM) are in the output once per instructions block, right before it
        String clearScreen = "\u001b[H\u001b[2J";
        String instructions = "Type the text that you wish to save in this file.";
        assertEquals(2, run.out().split(Pattern.quote(clearScreen + "\u001b[3J" + instructions), -1).length - 1,
                run.out());
        OutputBlock.assertMatches(RunCommand.class, run.terminal().replaceAll("\u001b\\[[0-9;]*[A-Za-z]", ""));
        assertEquals("spam\neggs\n", Files.readString(file, StandardCharsets.UTF_8), "clear emptied the file, quit ended it");
    }

    @Test
    void runCommandCannotCreateTheFile(@TempDir Path dir) {
        RealProcess.Result run = program(RunCommand.class).pace(PACE)
                .stdin(dir.resolve("no/such/dir/notes.txt") + "\n").run();
        assertEquals(1, run.code(), run.terminal());
        assertTrue(run.err().startsWith("Error creating file: "), run.err());
        assertFalse(run.out().contains("Type the text"), run.out());
    }

    /** The output as lines, with the numbers it carries. */
    private static final class Blocks {
        private final List<String> lines;

        Blocks(String output) {
            lines = List.of(output.split("\n"));
        }

        /** The pid on the line right under {@code header}: the two came as one write. */
        long pid(String header, String pidLine) {
            int at = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).matches(header)) {
                    at = i;
                }
            }
            assertTrue(at >= 0 && at + 1 < lines.size(), "no line " + header + " in\n" + String.join("\n", lines));
            Matcher m = Pattern.compile(pidLine).matcher(lines.get(at + 1));
            assertTrue(m.matches(), "under '" + lines.get(at) + "' comes '" + lines.get(at + 1) + "'");
            return Long.parseLong(m.group(1));
        }

        /** The number in the one line matching {@code regex}. */
        long number(String regex) {
            Pattern pattern = Pattern.compile(regex);
            List<Long> found = new ArrayList<>();
            for (String line : lines) {
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    found.add(Long.parseLong(m.group(1)));
                }
            }
            assertEquals(1, found.size(), regex + " in\n" + String.join("\n", lines));
            return found.get(0);
        }
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program(Class<?> main) {
        return RealProcess.of(main).timeout(Duration.ofSeconds(90));
    }
}
