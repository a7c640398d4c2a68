package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpawnRateTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void theLastLineIsTheFigure() throws Exception {
        Programs.Run run = Programs.run((out, err) -> SpawnRate.run(new String[] {"--count", "1", "--warmup", "0"}, out, err));
        assertEquals(0, run.code(), String.join("\n", run.err()));
        String last = run.out().get(run.out().size() - 1);
        assertTrue(last.matches("spawn: \\d+\\.\\d children/s"), last);
        // The figure is the fast-start measurement printed above it.
        String fast = run.find("with fast-start flags: +1 children in [\\d.]+ s = ([\\d.]+) children/s")[0];
        assertEquals("spawn: " + fast + " children/s", last);
    }

    @Test
    void aBadCountIsAUsageError() throws Exception {
        Programs.Run run = Programs.run((out, err) -> SpawnRate.run(new String[] {"--count", "many"}, out, err));
        assertEquals(2, run.code());
        assertEquals(java.util.List.of("SpawnRate: --count needs a whole number: many"), run.err());
    }
}
