package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parallelsystemtools.queues.beyond.QueueThroughput;
import org.parallelsystemtools.queues.beyond.QueueThroughput.Item;

/** Not a timing test: it checks that the measured work is the promised work, and the options' bounds. */
@Execution(ExecutionMode.CONCURRENT)
class QueueThroughputTest {
    private static BlockingQueue<Item> queue(String kind) {
        return switch (kind) {
            case "array" -> new ArrayBlockingQueue<>(16);   // small: producers really wait
            case "linked" -> new LinkedBlockingQueue<>();
            default -> new LinkedTransferQueue<>();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"array", "linked", "transfer"})
    void everyItemIsHandedOverOnceOneByOneAndInDrainToBatches(String kind) throws InterruptedException {
        // round() throws unless every item arrived exactly once. Three consumers: one drainTo can
        // grab the others' pills, which must be handed back or a consumer would wait forever.
        assertTrue(QueueThroughput.round(queue(kind), false, 4, 2, 5_000) > 0);
        assertTrue(QueueThroughput.round(queue(kind), true, 4, 3, 5_000) > 0);
    }

    @Test
    void aQueueThatLosesAnItemIsCaught() {
        BlockingQueue<Item> lossy = new LinkedBlockingQueue<>() {
            @Override
            public void put(Item item) throws InterruptedException {
                if (item.producer() != 0 || item.n() != 7) {
                    super.put(item);
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> QueueThroughput.round(lossy, false, 2, 2, 100));
    }

    @Test
    void saysWhatItDoesThenPrintsEverySetupAndTheTwoFigures() {
        RealProcess.Result run = RealProcess.of(QueueThroughput.class).args("--items", "2000", "--rounds", "1").run();
        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.outLines();
        assertEquals(9, lines.size(), run.out());
        assertTrue(lines.get(0).matches("Handing 4 producers x 2000 items to 2 consumers through 6 queue setups,"
                + " best of 1 rounds each: roughly \\d+ s"), lines.get(0));
        for (String line : lines.subList(1, 7)) {
            assertTrue(line.matches("\\S+ +(take|drainTo) +[\\d,]+ items/s"), line);
        }
        assertTrue(lines.get(7).matches("java queue \\(LinkedBlockingQueue, take, as queue.Queue\\): \\d+ items/s"));
        assertTrue(lines.get(8).matches("java queue \\(ArrayBlockingQueue, drainTo\\): \\d+ items/s"));
    }
}
