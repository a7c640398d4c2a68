package org.parallelsystemtools.pipes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipeToParentTest {
    private static final Pattern GOT = Pattern.compile("Parent (\\d+) got \\[b'(.*)'\\] at \\d+\\.\\d{6}");
    private static final Pattern END = Pattern.compile("Parent (\\d+) got end of file: child (\\d+) exited with 0");

    @AfterEach
    void noChildLeft() {
        Runs.assertNoChildren();
    }

    /** Concatenates what the reads returned, checking each read's size and the parent's pid. */
    private static String received(List<String> lines, int chunk) {
        StringBuilder all = new StringBuilder();
        long me = ProcessHandle.current().pid();
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher m = GOT.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(me, Long.parseLong(m.group(1)), "the parent prints its own pid");
            String bytes = Runs.unrepr(m.group(2));
            assertTrue(bytes.length() >= 1 && bytes.length() <= chunk, "one read returns 1.." + chunk + " bytes: " + line);
            all.append(bytes);
        }
        return all.toString();
    }

    @Test
    void bytesReadEqualBytesWrittenInOrder() {
        Runs.Result r = Runs.run(PipeToParent::run, "--count", "23", "--scale", "0");
        assertEquals(0, r.code(), r.err());
        assertEquals(Runs.spam(23, ""), received(r.out(), 32));
        Matcher end = END.matcher(r.last());
        assertTrue(end.matches(), r.last());
        assertNotEquals(end.group(1), end.group(2), "the child is another process");
    }

    @Test
    void smallReadsReturnPartsOfMessagesStillInOrder() {
        Runs.Result r = Runs.run(PipeToParent::run, "--count", "7", "--scale", "0", "--chunk", "5");
        assertEquals(0, r.code(), r.err());
        assertEquals(Runs.spam(7, ""), received(r.out(), 5));
        assertTrue(r.out().size() - 1 >= 56 / 5, "8-byte messages need at least 12 reads of 5 bytes");
    }

    @Test
    void childHaltsWhenItsParentIsKilled() throws Exception {
        Process parent = Relaunch.start(PipeToParent.class, "--forever", "--scale", "0.01");
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                BufferedReader lines = parent.inputReader();
                assertTrue(GOT.matcher(lines.readLine()).matches(), "the parent reads from its child");
            });
            ProcessHandle child = parent.descendants().findFirst().orElseThrow();
            parent.destroyForcibly(); // SIGKILL: no finally block runs in the parent
            await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
        } finally {
            Relaunch.stop(parent);
        }
    }

    @Test
    void badNumberIsOneLineAndStatus2() {
        Runs.Result r = Runs.run(PipeToParent::run, "--count", "many");
        assertEquals(2, r.code());
        assertTrue(r.out().isEmpty());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("PipeToParent: bad number for --count: many"), r.err());
    }

    @Test
    void unknownOptionIsOneLineAndStatus2() {
        Runs.Result r = Runs.run(PipeToParent::run, "--fast");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("PipeToParent: unknown option: --fast"), r.err());
    }
}
