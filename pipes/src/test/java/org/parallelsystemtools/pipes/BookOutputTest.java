package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program as a real process, at a twentieth of the book's pauses: its output fits
 * its {@code /* Output:} block, and what the program exists to show holds in that same run.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** Generous: on a loaded two-core machine one JVM can take seconds to start. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    static final double PACE = 0.05;
    static final String TEN_MESSAGES = "Spam 000Spam 001Spam 002Spam 003Spam 004".repeat(2);

    /** The chunks of "Parent PID got [b'CHUNK'] at TIME" lines; every PID must be {@code pid}. */
    static List<String> chunks(List<String> lines, long pid) {
        Pattern line = Pattern.compile("Parent (\\d+) got \\[b'(.*)'\\] at \\d+\\.\\d\\d");
        List<String> chunks = new ArrayList<>();
        for (String text : lines) {
            Matcher m = line.matcher(text);
            assertTrue(m.matches(), text);
            assertEquals(pid, Long.parseLong(m.group(1)), "the pid printed is the reading process's");
            chunks.add(m.group(2));
        }
        return chunks;
    }

    /**
     * The block shows a run in which every read found one message. When the machine is busy the
     * reader may wake late and find two or more: that is the lesson itself, and then the bytes,
     * already compared, are all there is to check.
     */
    static void fitsTheBlockUnlessMessagesMet(Class<?> program, List<String> chunks, RealProcess.Result run) {
        if (chunks.size() == 10) {
            OutputBlock.assertMatches(program, run.terminal());
        }
    }

    @Test
    void pipeToParentReadsEveryByteInOrderAtMost32AtATime() {
        RealProcess.Running running = RealProcess.of(PipeToParent.class).timeout(LIMIT).pace(PACE).start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        List<String> chunks = chunks(run.outLines(), running.pid());
        assertEquals(TEN_MESSAGES, String.join("", chunks));
        chunks.forEach(chunk -> assertTrue(chunk.length() <= 32, chunk));
        fitsTheBlockUnlessMessagesMet(PipeToParent.class, chunks, run);
    }

    @Test
    void withoutPausesTheMessagesRunTogetherButNoneIsLost() {
        // At pace 0 the child writes ten messages, 80 bytes, faster than the parent reads.
        RealProcess.Running running = RealProcess.of(PipeToParent.class).timeout(LIMIT).pace(0).start();
        RealProcess.Result run = running.finish();
        List<String> chunks = chunks(run.outLines(), running.pid());
        assertEquals(TEN_MESSAGES, String.join("", chunks));
        chunks.forEach(chunk -> assertTrue(chunk.length() <= 32, chunk));
    }

    @Test
    void aChildEndsWithItsParentEvenAKilledOne() {
        // At the book's pace the child has 19 s of messages left; finish() fails if it is
        // still alive 5 s after its parent's end.
        RealProcess.Running running = RealProcess.of(PipeToParent.class).timeout(LIMIT).start();
        running.awaitOutput(out -> out.contains("Spam 000"));
        running.signal("KILL");
        assertEquals(137, running.finish().code());
    }

    @Test
    void pipeLinesGivesOneMessagePerLine() {
        RealProcess.Running running = RealProcess.of(PipeLines.class).timeout(LIMIT).pace(PACE).start();
        RealProcess.Result run = running.finish();
        OutputBlock.assertMatches(PipeLines.class, run.terminal());
        assertEquals(10, run.count("Parent " + running.pid() + " got \\[Spam 00[0-4]\\] at .*"));
    }

    @Test
    void threadPipeCarriesEveryByteWithinOneProcess() {
        RealProcess.Running running = RealProcess.of(ThreadPipe.class).timeout(LIMIT).pace(PACE).start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        List<String> chunks = chunks(run.outLines(), running.pid());
        assertEquals(TEN_MESSAGES, String.join("", chunks));
        fitsTheBlockUnlessMessagesMet(ThreadPipe.class, chunks, run);
    }

    @Test
    void twoWayPipeTalksBothWaysWithTheChildItStarted() {
        RealProcess.Running running = RealProcess.of(TwoWayPipe.class).timeout(LIMIT).pace(PACE).start();
        RealProcess.Result run = running.finish();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(TwoWayPipe.class, run.terminal());
        Matcher child = Pattern.compile("Child (\\d+) of (\\d+) got arg: \"spam\"").matcher(run.err());
        assertTrue(child.find(), run.err());
        assertEquals(running.pid(), Long.parseLong(child.group(2)), "the child's parent is the program");
        for (int n = 1; n <= 2; n++) {
            assertTrue(run.err().contains("Parent got: \"Child " + child.group(1) + " got: [Hello " + n
                    + " from parent " + running.pid() + "]\""), run.err());
        }
        assertEquals("", run.out(), "standard output is the pipe; only standard error reaches the console");
    }

    @Test
    void namedPipeJoinsTwoProgramsAndTheFifoGoesAway(@TempDir Path tmp) {
        Path fifo = tmp.resolve("pipefifo");
        RealProcess.Running reader = RealProcess.of(NamedPipe.class).timeout(LIMIT).pace(PACE).jvm("-Djava.io.tmpdir=" + tmp).start();
        RealProcess.Running writer = RealProcess.of(NamedPipe.class).timeout(LIMIT).pace(PACE).jvm("-Djava.io.tmpdir=" + tmp)
                .args("child").start();
        RealProcess.Result wrote = writer.finish();
        RealProcess.Result read = reader.finish();
        assertEquals(0, wrote.code(), wrote.terminal());
        assertEquals("", wrote.terminal());
        assertEquals(0, read.code(), read.terminal());
        OutputBlock.assertMatches(NamedPipe.class, read.terminal());
        assertEquals(10, read.count("Parent " + reader.pid() + " got \"Spam 00[0-4]\" at .*"));
        assertFalse(Files.exists(fifo), "whichever side made the FIFO removed it");
    }

    @Test
    void objectPipeCarriesObjectsBothWays() {
        RealProcess.Result run = RealProcess.of(ObjectPipe.class).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        // The block holds the set the talker got back: the reply crossed the other pipe.
        OutputBlock.assertMatches(ObjectPipe.class, run.terminal());
    }

    @Test
    void notSerializableFailsInTheChildAndTheParentIsTold() {
        RealProcess.Result run = RealProcess.of(NotSerializable.class).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(NotSerializable.class, run.terminal());
    }

    @Test
    void popenSortSendsTheListingThroughSort() throws IOException {
        RealProcess.Result run = RealProcess.of(PopenSort.class).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(PopenSort.class, run.terminal());
        List<String> lines = run.outLines();
        int after = lines.indexOf("After sending to sort");
        List<String> listing = lines.subList(2, after - 1);   // each listing ends with a blank line
        List<String> sorted = new ArrayList<>(lines.subList(after + 2, lines.size() - 1));
        try (Stream<Path> here = Files.list(Path.of(""))) {
            assertEquals(here.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("."))
                    .sorted().toList(), listing.stream().sorted().toList(), "ls -1 listed this folder");
        }
        // ls and sort order names the same way in any locale: sort -r gives ls's order reversed.
        Collections.reverse(sorted);
        assertEquals(listing, sorted);
    }

    @Test
    void pipeBothWaysGetsTwentyTimesEachNumber() {
        RealProcess.Result run = RealProcess.of(PipeBothWays.class).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(PipeBothWays.class, run.terminal());
    }
}
