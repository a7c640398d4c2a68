package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    /** The pace of the quick run; CI also runs this class at the book's pace, 1. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));
    /** Two child JVMs start side by side, but never at the same instant: sleeps of 0.5 s or more. */
    private static final double RACE_PACE = Math.max(PACE, 0.5);

    @Test
    void waitForAnyReportsTheChildThatEndedFirst() {
        // A sleep unit of 0.5 s, and an order verdict only where the sleeps differ by two units
        // or more: the two child JVMs start side by side, far closer together than a second.
        RealProcess.Running running = program(WaitForAny.class).pace(RACE_PACE).start();
        RealProcess.Result run = running.closeStdin().finish();
        assertEquals(0, run.code(), run.terminal());
        assertFitsInEitherFinishingOrder(run.terminal());
        Blocks blocks = new Blocks(run.terminal());
        // each process's header and pid line arrive as one piece, in every run
        long parent = blocks.pid("Parent waiting for child processes...", "\tpid: (\\d+), forkPID1: \\d+, forkPID2: \\d+");
        // the children's detail lines start with the spaces of the book's triple-quoted strings
        long child1 = blocks.pid("Child1 sleeping for \\d seconds...", " {4}\tpid: (\\d+), forkPID1: 0");
        long child2 = blocks.pid("Child2 sleeping for \\d seconds...", " {12}\tpid: (\\d+), forkPID1: \\d+, forkPID2: 0");
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
        RealProcess.Result run = program(WaitForOne.class).pace(RACE_PACE).run();
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
    void exitCodeSaysByeAndEndsWith42() {
        // the test is the parent here; a shell's $? shows the same number
        RealProcess.Result run = program(ExitCode.class).pace(PACE).run();
        assertEquals(42, run.code(), run.terminal());
        OutputBlock.assertMatches(ExitCode.class, run.terminal());
        assertEquals(List.of("Bye sys world"), run.terminalLines());
    }

    @Test
    void haltNowEndsWith99AndSkipsTheCleanup() {
        RealProcess.Result run = program(HaltNow.class).pace(PACE).run();
        assertEquals(99, run.code(), run.terminal());
        OutputBlock.assertMatches(HaltNow.class, run.terminal());
        assertEquals(List.of("Bye os world"), run.terminalLines(), "the shutdown hook never ran");
    }

    @Test
    void childRolesTypedByHandAreOneLineAndExit2() {
        RealProcess.Result any = program(WaitForAny.class).pace(PACE).args("child").run();
        assertEquals(2, any.code(), any.terminal());
        assertEquals("WaitForAny: expected no arguments; it starts its own children as 'child 1|2 SECONDS PID'"
                + " (usage: WaitForAny)\n", any.terminal());
        RealProcess.Result one = program(WaitForOne.class).pace(PACE).args("child", "1", "x").run();
        assertEquals(2, one.code(), one.terminal());
        assertEquals("WaitForOne: expected no arguments; it starts its own children as 'child 1|2 PID'"
                + " (usage: WaitForOne)\n", one.terminal());
    }

    @Test
    void downloadAndEditHandsTheFileToTheEditorAndEndsWithItsStatus(@TempDir Path dir) throws IOException {
        assumeTrue(RealProcess.jobsPossible(), "needs setsid and perl to put a stand-in vi first on the PATH");
        String page = "<html><body>Fig. 18.7 was here</body></html>\n";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page.html", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            // the editor stand-in: notes its pid and its parent's in the file, and ends with 3
            Path bin = Files.createDirectory(dir.resolve("bin"));
            Path vi = bin.resolve("vi");
            Files.writeString(vi, "#!/bin/sh\necho \"edited by $$, child of $PPID\" >> \"$1\"\nexit 3\n");
            assertTrue(vi.toFile().setExecutable(true));
            Path file = dir.resolve("page.html");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html";
            RealProcess.Running running = program(DownloadAndEdit.class).pace(PACE)
                    .asJob("$ENV{PATH} = '" + bin + ":' . $ENV{PATH}").args(url, file.toString()).start();
            RealProcess.Result run = running.closeStdin().finish();
            assertEquals(3, run.code(), "the editor's status is the program's: " + run.terminal());
            OutputBlock.assertMatches(DownloadAndEdit.class, run.terminal());
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher edited = Pattern.compile("(?s)\\Q" + page + "\\Eedited by (\\d+), child of (\\d+)\n").matcher(text);
            assertTrue(edited.matches(), "the page, then the editor's line: " + text);
            // no exec in Java: the editor is a new process, and the program is its parent
            assertEquals(running.pid(), Long.parseLong(edited.group(2)), text);
            assertNotEquals(running.pid(), Long.parseLong(edited.group(1)), text);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void downloadAndEditWantsTwoArguments() {
        RealProcess.Result run = program(DownloadAndEdit.class).pace(PACE).args("http://127.0.0.1/").run();
        assertEquals(1, run.code(), run.terminal());
        assertEquals("", run.out());
        assertEquals("Incorrect number of arguments.\n", run.err());
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

    /**
     * WaitForAny's block is one run, in which child 1 ended first. Which child ends first is up to
     * the random sleeps, so a run in which child 2 did fits the same block with the two finishing
     * pids swapped; the test checks separately that the shorter sleep ended first.
     */
    private static void assertFitsInEitherFinishingOrder(String output) {
        Path source = Path.of("src/main/java", WaitForAny.class.getName().replace('.', '/') + ".java");
        String header;
        try {
            header = Files.readAllLines(source, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("/* Output:")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> block = OutputBlock.block(WaitForAny.class);
        Blocks finishing = new Blocks(String.join("\n", block));
        String first = Long.toString(finishing.number("Parent: Child (\\d+) finished first, one child left."));
        String second = Long.toString(finishing.number("Parent: Child (\\d+) finished second, no children left."));
        List<String> swapped = new ArrayList<>();
        for (String line : block) {
            swapped.add(!line.startsWith("Parent: Child ") ? line
                    : line.contains(first) ? line.replace(first, second) : line.replace(second, first));
        }
        if (!OutputBlock.fits(header, swapped, output)) {
            OutputBlock.assertMatches(WaitForAny.class, output);
        }
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
