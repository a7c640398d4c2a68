package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
 * Every book program as a real process, at a twentieth of the book's pauses (the programs that
 * run until Ctrl-C at a fifth): its output fits its {@code /* Output:} block, and what the
 * program exists to show holds in that same run.
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** Generous: on a loaded two-core machine one JVM can take seconds to start. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));
    /**
     * The programs that write until Ctrl-C get it in the 4 s pause before a {@code Spam 004},
     * right after the lines their blocks show; at a fifth of the book's pace that pause is
     * 0.8 s, long enough for a loaded machine to deliver the signal before the next message.
     */
    static final double CTRL_C_PACE = Math.max(PACE, 0.2);
    /** The messages up to the Ctrl-C: two rounds, the second cut before its Spam 004. */
    static final String NINE_MESSAGES = forEver(9 * 8);

    /** The first {@code length} bytes of what the writers send for ever: Spam 000 ... Spam 004 and again. */
    static String forEver(int length) {
        return "Spam 000Spam 001Spam 002Spam 003Spam 004".repeat(length / 40 + 1).substring(0, length);
    }

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

    /** How many messages the output shows so far (two in one read count as two). */
    static long messages(String output) {
        return Pattern.compile("Spam \\d\\d\\d").matcher(output).results().count();
    }

    /** {@code program} as a terminal's foreground job, at the pace for a Ctrl-C. */
    static RealProcess.Running job(Class<?> program) {
        return RealProcess.of(program).asJob().timeout(LIMIT).pace(CTRL_C_PACE).start();
    }

    /**
     * Waits until the job has shown {@code shown} messages and presses Ctrl-C: SIGINT to the whole
     * job, the program and its child. The job's pid is the program's: perl exec'd java.
     */
    static RealProcess.Result untilCtrlC(RealProcess.Running job, long shown) {
        try {
            job.awaitOutput(out -> messages(out) >= shown);
            assertTrue(job.process().isAlive(), "still running when Ctrl-C comes:\n" + job.terminal());
            job.signalGroup("INT");
            RealProcess.Result run = job.finish();
            // 130 is 128 + SIGINT; 0 if the child died first and the parent saw the end of file.
            assertTrue(run.code() == 130 || run.code() == 0, "exit " + run.code() + "\n" + run.terminal());
            return run;
        } finally {
            job.kill();
        }
    }

    /**
     * The block shows a run in which every read found one message. When the machine is busy the
     * reader may wake late and find two or more: that is the lesson itself, and then the bytes,
     * already compared, are all there is to check.
     */
    static void fitsTheBlockUnlessMessagesMet(Class<?> program, List<String> chunks, RealProcess.Result run) {
        if (chunks.size() == 9) {
            OutputBlock.assertMatches(program, run.terminal());
        }
    }

    @Test
    void pipeToParentReadsEveryByteInOrderAtMost32AtATimeUntilCtrlC() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to press Ctrl-C");
        RealProcess.Running job = job(PipeToParent.class);
        RealProcess.Result run = untilCtrlC(job, 9);
        List<String> chunks = chunks(run.outLines(), job.pid());
        assertEquals(NINE_MESSAGES, String.join("", chunks), "every byte once, in order, none after Ctrl-C");
        chunks.forEach(chunk -> assertTrue(chunk.length() <= 32, chunk));
        fitsTheBlockUnlessMessagesMet(PipeToParent.class, chunks, run);
    }

    @Test
    void withoutPausesTheMessagesRunTogetherButNoneIsLost() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to press Ctrl-C");
        // At pace 0 the child writes faster than the parent reads; Ctrl-C may cut the last line.
        RealProcess.Running job = RealProcess.of(PipeToParent.class).asJob().timeout(LIMIT).pace(0).start();
        RealProcess.Result run;
        try {
            job.awaitOutput(out -> messages(out) >= 200);
            job.signalGroup("INT");
            run = job.finish();
        } finally {
            job.kill();
        }
        List<String> lines = run.outLines();
        List<String> whole = run.out().endsWith("\n") ? lines : lines.subList(0, lines.size() - 1);
        String bytes = String.join("", chunks(whole, job.pid()));
        assertTrue(bytes.length() >= 200 * 8 - 32, "about 200 messages before Ctrl-C, not " + bytes.length() / 8);
        assertEquals(forEver(bytes.length()), bytes, "every byte once, in order");
        chunks(whole, job.pid()).forEach(chunk -> assertTrue(chunk.length() <= 32, chunk));
    }

    @Test
    void aChildEndsWithItsParentEvenAKilledOne() {
        // The child writes for ever; finish() fails if it is still alive 5 s after its parent's end.
        RealProcess.Running running = RealProcess.of(PipeToParent.class).timeout(LIMIT).start();
        running.awaitOutput(out -> out.contains("Spam 000"));
        running.signal("KILL");
        assertEquals(137, running.finish().code());
    }

    @Test
    void pipeLinesGivesOneMessagePerLineUntilCtrlC() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to press Ctrl-C");
        RealProcess.Running job = job(PipeLines.class);
        RealProcess.Result run = untilCtrlC(job, 9);
        OutputBlock.assertMatches(PipeLines.class, run.terminal());
        long pid = job.pid();
        List<String> messages = run.outLines().stream()
                .map(line -> line.replaceAll("Parent " + pid + " got \\[(Spam 00[0-4])\\] at .*", "$1")).toList();
        assertEquals(NINE_MESSAGES, String.join("", messages), "one whole message per line, in order");
    }

    @Test
    void threadPipeCarriesEveryByteWithinOneProcessUntilCtrlC() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to press Ctrl-C");
        RealProcess.Running job = job(ThreadPipe.class);
        RealProcess.Result run = untilCtrlC(job, 9);
        List<String> chunks = chunks(run.outLines(), job.pid());
        assertEquals(NINE_MESSAGES, String.join("", chunks));
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
    void namedPipeJoinsTwoProgramsUntilTheWritersCtrlCAndTheFifoGoesAway(@TempDir Path tmp) {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to press Ctrl-C");
        Path fifo = tmp.resolve("pipefifo");
        RealProcess.Running reader = RealProcess.of(NamedPipe.class).timeout(LIMIT).pace(CTRL_C_PACE)
                .jvm("-Djava.io.tmpdir=" + tmp).start();
        RealProcess.Running writer = RealProcess.of(NamedPipe.class).asJob().timeout(LIMIT).pace(CTRL_C_PACE)
                .jvm("-Djava.io.tmpdir=" + tmp).args("child").start();
        RealProcess.Result wrote;
        RealProcess.Result read;
        try {
            reader.awaitOutput(out -> messages(out) >= 4);   // then comes the 4 s pause
            writer.signalGroup("INT");   // Ctrl-C in the writer's terminal
            wrote = writer.finish();
            read = reader.finish();
        } finally {
            writer.kill();
            reader.kill();
        }
        assertEquals(130, wrote.code(), wrote.terminal());
        assertEquals("", wrote.terminal());
        assertEquals(0, read.code(), "the reader ends at the end of file\n" + read.terminal());
        OutputBlock.assertMatches(NamedPipe.class, read.terminal());
        assertEquals(4, read.count("Parent " + reader.pid() + " got \"Spam 00[0-3]\" at .*"));
        assertFalse(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS), "whichever side made the FIFO removed it");
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
    void popenSortSendsTheListingThroughSort(@TempDir Path folder) throws IOException {
        // The block's folder: three names that ls and sort order alike in every locale.
        for (String name : List.of("spam", "eggs", "ham")) {
            Files.createFile(folder.resolve(name));
        }
        RealProcess.Result run = RealProcess.of(PopenSort.class).in(folder).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        // The block holds the listing, then the same names from sort -r, reversed.
        OutputBlock.assertMatches(PopenSort.class, run.terminal());
    }

    @Test
    void makeWordsPrintsThreeWordsAndSortedWordsPipesThemIntoSort() {
        RealProcess.Result words = RealProcess.of(MakeWords.class).timeout(LIMIT).run();
        assertEquals(0, words.code(), words.terminal());
        OutputBlock.assertMatches(MakeWords.class, words.terminal());
        RealProcess.Result sorted = RealProcess.of(SortedWords.class).timeout(LIMIT).run();
        assertEquals(0, sorted.code(), sorted.terminal());
        // The block holds eggs, ham, spam: the order sort gave what came through the pipe.
        OutputBlock.assertMatches(SortedWords.class, sorted.terminal());
    }

    @Test
    void pipeBothWaysGetsTwentyTimesEachNumber() {
        RealProcess.Result run = RealProcess.of(PipeBothWays.class).timeout(LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(PipeBothWays.class, run.terminal());
    }
}
