package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwoWayPipeTest {
    @AfterEach
    void noChildLeft() {
        Runs.assertNoChildren();
    }

    @Test
    void payloadFarLargerThanThePipeBufferComesBackIdentical() throws Exception {
        byte[] payload = new byte[3 << 20]; // 3 MiB: 48 times the 64 KiB pipe buffer
        new Random(42).nextBytes(payload);
        Process child = Relaunch.start(TwoWayPipe.class, "--child");
        try {
            assertArrayEquals(payload, TwoWayPipe.bothWays(child, payload));
        } finally {
            Relaunch.stop(child);
        }
    }

    @Test
    void programReportsTheWholeEcho() {
        Runs.Result r = Runs.run(TwoWayPipe::run, "--bytes", "1048576");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().get(1).matches("Parent \\d+ read 1048576 bytes back from child \\d+'s stdout at .*"), r.out().get(1));
        assertEquals("Echo identical: yes", r.last());
    }

    @Test
    void writingEverythingBeforeReadingDeadlocks() {
        Runs.Result r = Runs.run(TwoWayPipe::run, "--bytes", "1048576", "--naive");
        assertEquals(1, r.code());
        Matcher m = Pattern.compile("Deadlock: parent stuck writing after (\\d+) of 1048576 bytes, child \\d+ stuck writing its echo")
                .matcher(r.last());
        assertTrue(m.matches(), r.last());
        assertTrue(Long.parseLong(m.group(1)) < 1048576);
    }

    @Test
    void badSizeIsOneLineAndStatus2() {
        Runs.Result r = Runs.run(TwoWayPipe::run, "--bytes", "-5");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("TwoWayPipe: --bytes must be between 0 and 1073741824: -5"), r.err());
    }
}
