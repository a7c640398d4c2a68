package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program run as a real process, matched against its {@code /* Output:} block; each
 * test then checks, on the same run, the lesson the program is there to show.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {
    private static final Pattern GOT = Pattern.compile("consumer [01] got => (\\[producer id=\\d, count=\\d\\])");

    /** Generous: on a loaded machine a dozen JVMs starting at once can take half a minute. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    /** The quick pace; {@code -Dbook.pace=1} runs every program at the book's own pace. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    /** A program whose lesson is an order of sleeps runs no quicker than {@code quick}. */
    private static double pace(double quick) {
        return Math.max(PACE, quick);
    }

    /** Which consumer thread takes a message is the scheduler's choice: the block shows one run's. */
    private static final UnaryOperator<List<String>> ANY_CONSUMER = lines -> lines.stream()
            .map(line -> line.replaceFirst("^consumer \\d+ got => ", "consumer N got => ")).toList();

    /** Runs {@code program} at {@code pace}, checks exit 0 and its block. */
    private static RealProcess.Result run(Class<?> program, double pace) {
        RealProcess.Result run = RealProcess.of(program).pace(pace).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(program, run.terminal());
        return run;
    }

    /**
     * Matches {@code output} against {@code program}'s block after {@code aside} has taken from the
     * block's lines and the output's alike what varies by more than a number; the test that calls
     * it checks those lines on its own.
     */
    static void assertBlock(Class<?> program, String output, UnaryOperator<List<String>> aside) {
        String header;
        try {
            header = Files.readAllLines(Path.of("src/main/java", program.getName().replace('.', '/') + ".java"))
                    .stream().filter(line -> line.startsWith("/* Output:")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<String> block = aside.apply(OutputBlock.block(program));
        List<String> lines = aside.apply(output.lines().toList());
        if (!OutputBlock.fits(header, block, lines.isEmpty() ? "" : String.join("\n", lines) + "\n")) {
            fail(program.getSimpleName() + "'s output does not fit its block " + header + "\n--- block:\n"
                    + String.join("\n", block) + "\n--- output:\n" + String.join("\n", lines));
        }
    }

    /** The 16 messages of the four producers, in a fixed order. */
    private static List<String> sixteenMessages() {
        List<String> all = new ArrayList<>();
        for (int id = 0; id < 4; id++) {
            for (int count = 0; count < 4; count++) {
                all.add("[producer id=" + id + ", count=" + count + "]");
            }
        }
        return all;
    }

    /** The messages the consumers printed among {@code lines}, sorted. */
    private static List<String> consumed(List<String> lines) {
        List<String> messages = new ArrayList<>();
        for (String line : lines) {
            Matcher m = GOT.matcher(line);
            if (m.matches()) {
                messages.add(m.group(1));
            }
        }
        messages.sort(null);
        return messages;
    }

    /**
     * Runs a thread-queue program until one run is on time. These listings rest on timing: main
     * sleeps one pause past the last put (ThreadQueue), or the consumers poll ten times a pause
     * (DaemonConsumers). A machine that starves the JVM for seconds breaks that, as it would break
     * the Python listings, so a run that falls short is repeated, at most three times; what must
     * hold in every run is checked in every run.
     */
    private static void untilOnTime(Class<?> program, double pace, UnaryOperator<List<String>> aside,
                                    Consumer<List<String>> always, Predicate<List<String>> onTime) {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            RealProcess.Result run = RealProcess.of(program).pace(pace).timeout(LIMIT).run();
            assertEquals(0, run.code(), run.terminal());
            lines = run.outLines();
            always.accept(lines);
            if (onTime.test(lines)) {
                assertBlock(program, run.terminal(), aside);
                return;
            }
        }
        throw new AssertionError(program.getSimpleName() + " was late three times running:\n" + lines);
    }

    /** No message twice, and nothing but messages and main's line. */
    private static void noMessageTwice(List<String> lines) {
        List<String> messages = consumed(lines);
        assertEquals(messages.size(), new HashSet<>(messages).size(), lines.toString());
        assertEquals(messages.size() + 1, lines.size(), lines.toString());
        assertTrue(lines.contains("Main thread exit."), lines.toString());
    }

    @Test
    void threadQueueConsumesEachOfTheSixteenMessagesOnceBeforeMainExits() {
        List<String> expected = sixteenMessages();
        expected.sort(null);
        untilOnTime(ThreadQueue.class, pace(0.4), ANY_CONSUMER, BookOutputTest::noMessageTwice, lines ->
                lines.get(lines.size() - 1).equals("Main thread exit.")
                        // A list, not a set: a message printed twice would make it longer than 16.
                        && consumed(lines.subList(0, lines.size() - 1)).equals(expected));
    }

    @Test
    void daemonConsumersLetTheProgramEndAndNeverPrintAMessageTwice() {
        // Every run must end: non-daemon consumers, which loop forever, would hang the program.
        List<String> early = new ArrayList<>(sixteenMessages().subList(0, 15));
        early.sort(null);
        List<String> last = List.of("[producer id=3, count=3]");
        // The block shows a run that lost the last message; the test checks it is printed at most once.
        UnaryOperator<List<String>> aside = lines -> ANY_CONSUMER.apply(lines).stream()
                .filter(line -> !line.endsWith(last.get(0))).toList();
        untilOnTime(DaemonConsumers.class, pace(0.25), aside, BookOutputTest::noMessageTwice, lines -> {
            // Messages put three pauses or more before the end are printed before main's line; the
            // last one, put just before the producers are joined, is printed before, after, or never.
            List<String> beforeExit = consumed(lines.subList(0, lines.indexOf("Main thread exit.")));
            beforeExit.removeAll(last);
            return beforeExit.equals(early);
        });
    }

    @Test
    void processQueueConsumersInOtherProcessesTakeEachNameAtMostOnce() {
        RealProcess.Result run = RealProcess.of(ProcessQueue.class).pace(pace(0.2)).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        // Who takes which name, and how many are taken, vary: the block cuts those lines, checked here.
        assertBlock(ProcessQueue.class, run.terminal(),
                lines -> lines.stream().filter(line -> !line.matches("\\d+ got .+")).toList());
        List<String> lines = run.terminalLines();
        Set<String> producers = pids(lines, "Starting producer => (\\d+)");
        Set<String> consumers = pids(lines, "Starting consumer => (\\d+)");
        assertEquals(3, producers.size());
        assertEquals(6, consumers.size());
        Set<String> names = ProcessQueue.NAMES.stream().flatMap(List::stream).collect(Collectors.toSet());
        Set<String> taken = new HashSet<>();
        for (String line : lines) {
            Matcher m = Pattern.compile("(\\d+) got (.+)").matcher(line);
            if (m.matches()) {
                assertTrue(consumers.contains(m.group(1)), "only consumer processes take: " + line);
                assertTrue(names.contains(m.group(2)), line);
                assertTrue(taken.add(m.group(2)), "taken twice: " + line);
            }
        }
        // The parent waits for every producer (a producer it left behind would be halted by its
        // parent watch before its last line), and the consumers, daemons, end with the parent:
        // RealProcess has checked that no process of this run is left.
        for (String pid : producers) {
            assertTrue(lines.contains("Producer " + pid + " exiting..."), lines.toString());
        }
        assertEquals(List.of("Parent process exiting..."), run.outLines());
    }

    @Test
    void counterProcessesPostEachValueOnceToAParentThatNeverBlocks() {
        RealProcess.Result run = run(CounterProcesses.class, PACE);
        List<String> lines = run.terminalLines();
        // The parent's own lines, in the order it printed them (the children's go to stderr).
        List<String> parentLines = run.outLines();
        String parent = parentLines.get(0).replace("start ", "");
        assertEquals("finish " + parent + " 0", parentLines.get(parentLines.size() - 1));
        Map<String, List<Integer>> counted = new HashMap<>();   // child pid -> values it printed
        List<String> posted = new ArrayList<>();
        for (String line : lines) {
            Matcher at = Pattern.compile(" {2}@ (\\d+) (\\d+)").matcher(line);
            if (at.matches()) {
                counted.computeIfAbsent(at.group(1), pid -> new ArrayList<>()).add(Integer.parseInt(at.group(2)));
            }
            Matcher post = Pattern.compile("posted: \\[(\\d+), (\\d+)\\]").matcher(line);
            if (post.matches()) {
                posted.add(post.group(1) + " " + post.group(2));
            }
        }
        assertEquals(3, counted.size(), "three child processes");
        assertTrue(!counted.containsKey(parent), "the children are other processes");
        assertEquals(Set.of(List.of(1, 2, 3), List.of(101, 102, 103), List.of(1001, 1002, 1003)),
                new HashSet<>(counted.values()));
        List<String> printed = new ArrayList<>();
        counted.forEach((pid, values) -> values.forEach(v -> printed.add(pid + " " + v)));
        printed.sort(null);
        posted.sort(null);
        assertEquals(printed, posted, "each value a child printed reached the parent's queue once");
        assertTrue(lines.contains("no data..."), "the parent polled an empty queue and went on");
        // start, 9 posted, 9 counts, 3 ends: every other line is a poll that found nothing.
        assertEquals(23, lines.stream().filter(line -> !line.equals("no data...")).count(), run.terminal());
    }

    @Test
    void producerConsumerTakesFromTheQueueAfterItsProducerHasEnded() {
        RealProcess.Result run = RealProcess.of(ProducerConsumer.class).pace(PACE).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        // The block is ordered: all three produced, then all three consumed, then the parent's line.
        // Every child line (stderr) is written before the parent's one line (stdout), so that is
        // the terminal's order; err + out avoids a race between RealProcess's two pipe readers.
        OutputBlock.assertMatches(ProducerConsumer.class, run.err() + run.out());
        assertEquals(List.of("All data produced and consumed"), run.outLines());
    }

    @Test
    void boundedQueuePrintsThePythonExamplesLines() {
        run(BoundedQueue.class, PACE);
    }

    private static Set<String> pids(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines.stream().map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
