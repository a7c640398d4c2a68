package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PipeThroughputTest {
    @AfterEach
    void noChildLeft() {
        Runs.assertNoChildren();
    }

    @ParameterizedTest
    @CsvSource({"5000000, 1048576", "300001, 7"})
    void everyByteArrivesAndTheFigureIsTheLastLine(long bytes, int chunk) {
        Runs.Result r = Runs.run(PipeThroughput::run, "--bytes", Long.toString(bytes), "--chunk", Integer.toString(chunk));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().get(0).matches("Parent \\d+ read " + bytes + " bytes from child \\d+ in .* s \\(child exit 0\\)"),
                r.out().get(0));
        assertTrue(r.last().matches("pipe: \\d+ MB/s"), r.last());
    }

    @Test
    void badSizeIsOneLineAndStatus2() {
        Runs.Result r = Runs.run(PipeThroughput::run, "--bytes", "1x");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("PipeThroughput: bad number for --bytes: 1x"), r.err());
    }
}
