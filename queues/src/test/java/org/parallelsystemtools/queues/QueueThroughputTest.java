package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Not a timing test: it checks that the measured work is the promised work. */
@Timeout(30)
class QueueThroughputTest {
    private static BlockingQueue<QueueThroughput.Item> queue(String kind) {
        return switch (kind) {
            case "array" -> new ArrayBlockingQueue<>(16);   // small: producers really block
            case "linked" -> new LinkedBlockingQueue<>();
            default -> new LinkedTransferQueue<>();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"array", "linked", "transfer"})
    void everyItemIsHandedOverOnceOneByOne(String kind) throws InterruptedException {
        assertEquals(4 * 5_000, QueueThroughput.round(queue(kind), false, 4, 2, 5_000)[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"array", "linked", "transfer"})
    void everyItemIsHandedOverOnceInDrainToBatches(String kind) throws InterruptedException {
        // Three consumers: one drainTo can grab the others' pills, which must be handed back.
        assertEquals(4 * 5_000, QueueThroughput.round(queue(kind), true, 4, 3, 5_000)[0]);
    }

    @Test
    void printsEveryVariantAndTheFigureOnTheLastLine() throws InterruptedException {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(0, QueueThroughput.run(new String[] {"--items", "1000", "--rounds", "1"}, out.stream, err.stream));
        List<String> lines = out.lines();
        assertEquals(8, lines.size(), out.text());
        for (String line : lines.subList(1, 7)) {
            assertTrue(line.matches(".* items/s \\(4000 handed over\\)"), line);
        }
        assertTrue(lines.get(7).matches("queue: \\d+ items/s"), lines.get(7));
    }

    @Test
    void badCountIsOneLineOnStderrAndExitCode2() throws InterruptedException {
        Captured out = new Captured();
        Captured err = new Captured();
        assertEquals(2, QueueThroughput.run(new String[] {"--items", "0"}, out.stream, err.stream));
        assertEquals(List.of("QueueThroughput: --items must be between 1 and 50000000: 0"), err.lines());
    }
}
