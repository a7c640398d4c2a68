package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.pipes.beyond.PipeThroughput;

/** The measurement says what it will do, moves every byte, and refuses what it cannot honour. */
@Execution(ExecutionMode.CONCURRENT)
class PipeThroughputTest {

    /** Generous: on a loaded two-core machine one JVM can take seconds to start. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void saysWhatItDoesThenMovesEveryByte() {
        RealProcess.Result run = RealProcess.of(PipeThroughput.class).timeout(LIMIT).args("--mb", "8", "--block", "4096").run();
        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        assertEquals(3, lines.size(), run.terminal());
        assertTrue(lines.get(0).matches("PipeThroughput: moving 8 MiB from a child JVM through a pipe, 4096 bytes a call;"
                + " about \\d+ s"), lines.get(0));
        assertTrue(lines.get(1).matches("Parent \\d+ read 8388608 bytes from child \\d+ in \\d+\\.\\d\\d s \\(child exit 0\\)"),
                lines.get(1));
        assertTrue(lines.get(2).matches("pipe: \\d+ MB/s"), lines.get(2));
    }
}
