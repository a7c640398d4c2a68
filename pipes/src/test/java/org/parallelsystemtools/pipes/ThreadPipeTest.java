package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ThreadPipeTest {
    @Test
    void chunksBetweenThreadsKeepEveryByteInOrderAndUnclosedPipedStreamFails() {
        Runs.Result r = Runs.run(ThreadPipe::run, "--count", "23", "--scale", "0");
        assertEquals(0, r.code(), r.err());
        Pattern got = Pattern.compile("Consumer got \\[b'(.*)'\\] at \\d+\\.\\d{6}");
        StringBuilder all = new StringBuilder();
        int i = 0;
        for (; i < r.out().size(); i++) {
            Matcher m = got.matcher(r.out().get(i));
            if (!m.matches()) {
                break;
            }
            String bytes = Runs.unrepr(m.group(1));
            assertTrue(bytes.length() >= 1 && bytes.length() <= 32, r.out().get(i));
            all.append(bytes);
        }
        assertEquals(Runs.spam(23, ""), all.toString());
        assertEquals("Consumer got end of file: thread producer closed the sink", r.out().get(i));
        assertEquals("Piped stream: thread careless-writer ended without close(), next read failed: Write end dead", r.last());
    }

    @Test
    void zeroChunkIsRefused() {
        Runs.Result r = Runs.run(ThreadPipe::run, "--chunk", "0");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ThreadPipe: --chunk must be between 1 and 1048576: 0"), r.err());
    }
}
