package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
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

    /** Runs {@code program} at {@code pace}, checks exit 0 and its block. */
    private static RealProcess.Result run(Class<?> program, double pace) {
        RealProcess.Result run = RealProcess.of(program).pace(pace).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(program, run.terminal());
        return run;
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
    private static void untilOnTime(Class<?> program, double pace, Consumer<List<String>> always,
                                    Predicate<List<String>> onTime) {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            RealProcess.Result run = RealProcess.of(program).pace(pace).timeout(LIMIT).run();
            assertEquals(0, run.code(), run.terminal());
            lines = run.outLines();
            always.accept(lines);
            if (onTime.test(lines)) {
                OutputBlock.assertMatches(program, run.terminal());
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
        untilOnTime(ThreadQueue.class, 0.4, BookOutputTest::noMessageTwice, lines ->
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
        untilOnTime(DaemonConsumers.class, 0.25, BookOutputTest::noMessageTwice, lines -> {
            // Messages put three pauses or more before the end are printed before main's line; the
            // last one, put just before the producers are joined, is printed before, after, or never.
            List<String> beforeExit = consumed(lines.subList(0, lines.indexOf("Main thread exit.")));
            beforeExit.removeAll(last);
            return beforeExit.equals(early);
        });
    }

    @Test
    void processQueueConsumersInOtherProcessesTakeEachNameAtMostOnce() {
        RealProcess.Result run = run(ProcessQueue.class, 0.2);
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
        RealProcess.Result run = run(CounterProcesses.class, 0.05);
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
    }

    @Test
    void producerConsumerTakesFromTheQueueAfterItsProducerHasEnded() {
        RealProcess.Result run = RealProcess.of(ProducerConsumer.class).pace(0.05).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        // The block is ordered: all three produced, then all three consumed, then the parent's line.
        // Every child line (stderr) is written before the parent's one line (stdout), so that is
        // the terminal's order; err + out avoids a race between RealProcess's two pipe readers.
        OutputBlock.assertMatches(ProducerConsumer.class, run.err() + run.out());
        assertEquals(List.of("All data produced and consumed"), run.outLines());
    }

    @Test
    void boundedQueuePrintsThePythonExamplesLines() {
        run(BoundedQueue.class, 0.05);
    }

    private static Set<String> pids(List<String> lines, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines.stream().map(pattern::matcher).filter(Matcher::matches).map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
