package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ThreadQueueTest {
    private static final Pattern GOT =
            Pattern.compile("consumer (\\d+) got => (\\[producer id=\\d+, count=\\d+\\])");

    /** Runs the program and returns the messages the consumers printed, in print order. */
    private static List<String> consumed(int consumers, String... args) {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(0, ThreadQueue.run(args, out.stream, err.stream), err.text());
        List<String> lines = out.lines();
        assertEquals("Main thread exit", lines.get(lines.size() - 1), "main ends after every message");
        List<String> messages = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher m = GOT.matcher(line);
            assertTrue(m.matches(), "not a consumer line: " + line);
            assertTrue(Integer.parseInt(m.group(1)) < consumers, line);
            messages.add(m.group(2));
        }
        assertEquals("", err.text());
        return messages;
    }

    private static List<String> everyMessage(int producers, int messages) {
        List<String> all = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            for (int c = 0; c < messages; c++) {
                all.add("[producer id=" + p + ", count=" + c + "]");
            }
        }
        return all;
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        copy.sort(null);
        return copy;
    }

    @Test
    void eachOfTheSixteenMessagesIsConsumedExactlyOnce() {
        // A list, not a set: a message printed twice would make it longer than 16.
        assertEquals(sorted(everyMessage(4, 4)), sorted(consumed(2, "--scale", "0")));
    }

    @Test
    void withTheSeedsDelaysScaledDownEveryMessageStillArrivesOnce() {
        assertEquals(sorted(everyMessage(4, 4)), sorted(consumed(2, "--scale", "0.01")));
    }

    @Test
    void moreProducersConsumersAndMessagesLoseNothing() {
        assertEquals(sorted(everyMessage(8, 300)),
                sorted(consumed(3, "--producers", "8", "--consumers", "3", "--messages", "300", "--scale", "0")));
    }

    @Test
    void noThreadOfTheProgramOutlivesIt() {
        consumed(2, "--scale", "0");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().matches("(consumer|producer)-\\d+")));
    }

    @Test
    void badNumberIsOneLineOnStderrAndExitCode2() {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(2, ThreadQueue.run(new String[] {"--producers", "four"}, out.stream, err.stream));
        assertEquals(List.of("ThreadQueue: not a whole number for --producers: four"), err.lines());
        assertEquals("", out.text());
    }

    @Test
    void unknownOptionIsOneLineOnStderrAndExitCode2() {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(2, ThreadQueue.run(new String[] {"--sleep", "1"}, out.stream, err.stream));
        assertEquals(1, err.lines().size());
        assertTrue(err.text().startsWith("ThreadQueue: unknown option: --sleep"), err.text());
    }
}
