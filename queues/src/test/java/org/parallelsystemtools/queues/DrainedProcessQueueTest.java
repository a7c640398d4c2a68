package org.parallelsystemtools.queues;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.queues.beyond.DrainedProcessQueue;

@Execution(ExecutionMode.CONCURRENT)
class DrainedProcessQueueTest {

    @Test
    void everyNameIsTakenExactlyOnceAndEveryConsumerStopsByItself() {
        RealProcess.Result run = RealProcess.of(DrainedProcessQueue.class)
                .args("--consumers", "3", "--max-wait", "2").pace(0.05).timeout(BookOutputTest.LIMIT).run();
        assertEquals(0, run.code(), run.terminal());
        List<String> taken = new ArrayList<>();
        List<String> consumers = new ArrayList<>();
        for (String line : run.terminalLines()) {
            Matcher got = Pattern.compile("\\d+ got (.+)").matcher(line);
            if (got.matches()) {
                taken.add(got.group(1));
            }
            Matcher stopped = Pattern.compile("Consumer (\\d+) exiting\\.\\.\\.").matcher(line);
            if (stopped.matches()) {
                consumers.add(stopped.group(1));
            }
        }
        List<String> all = new ArrayList<>(ProcessQueue.NAMES.stream().flatMap(List::stream).toList());
        all.sort(null);
        taken.sort(null);
        // A list, not a set: a name taken twice would make it longer.
        assertEquals(all, taken, run.terminal());
        // Each consumer exited on its stop (the parent waited for them, killing none): three of them.
        assertEquals(3, consumers.stream().distinct().count(), run.terminal());
        List<String> out = run.outLines();
        assertTrue(out.get(0).startsWith("14 names, 3 producer and 3 consumer processes"), out.get(0));
        assertEquals("Parent process exiting...", out.get(out.size() - 1));
    }
}
