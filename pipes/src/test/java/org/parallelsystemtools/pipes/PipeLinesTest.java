package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PipeLinesTest {
    private static final Pattern GOT = Pattern.compile("Parent (\\d+) got \\[(.*)\\] at \\d+\\.\\d{6}");

    @AfterEach
    void noChildLeft() {
        Runs.assertNoChildren();
    }

    @Test
    void eachReadLineIsExactlyOneMessage() {
        Runs.Result r = Runs.run(PipeLines::run, "--count", "23", "--scale", "0");
        assertEquals(0, r.code(), r.err());
        List<String> got = new ArrayList<>();
        for (String line : r.out().subList(0, r.out().size() - 1)) {
            Matcher m = GOT.matcher(line);
            assertTrue(m.matches(), line);
            assertEquals(ProcessHandle.current().pid(), Long.parseLong(m.group(1)));
            got.add(m.group(2));
        }
        assertEquals(Runs.spam(23, "\n").lines().toList(), got);
        assertTrue(r.last().matches("Parent \\d+ got end of file: child \\d+ exited with 0"), r.last());
    }

    @Test
    void negativeScaleIsRefused() {
        Runs.Result r = Runs.run(PipeLines::run, "--scale", "-1");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("PipeLines: --scale must be between 0 and 3600: -1"), r.err());
    }
}
