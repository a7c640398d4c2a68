package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeparateMemoryTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void eachProcessCountsOnlyItsOwnAdditions() throws Exception {
        Programs.Run run = Programs.run((out, err) ->
                SeparateMemory.run(new String[] {"--child", "3", "--parent", "2"}, out, err));
        assertEquals(0, run.code());
        // The parent prints after the child has ended: 2, not 5.
        assertEquals(List.of("Child process: counter=3", "Parent process: counter=2"), run.out());
    }

    @Test
    void aBadNumberIsAUsageError() throws Exception {
        Programs.Run run = Programs.run((out, err) ->
                SeparateMemory.run(new String[] {"--child", "three"}, out, err));
        assertEquals(2, run.code());
        assertEquals(List.of(), run.out());
        assertEquals(List.of("SeparateMemory: --child needs a whole number: three"), run.err());
    }
}
