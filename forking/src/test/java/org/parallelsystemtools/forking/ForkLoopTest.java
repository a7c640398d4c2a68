package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForkLoopTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    private static Programs.Run loop(String input, String... args) throws Exception {
        return Programs.run((out, err) -> ForkLoop.run(args,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err));
    }

    @Test
    void eachChildPrintsThePidItsParentPrinted() throws Exception {
        // One child at once, one per line that is not q; q ends it, later lines are not read.
        Programs.Run run = loop("\nk\nq\n\n");
        assertEquals(0, run.code());
        assertEquals(6, run.out().size(), String.join("\n", run.out()));
        List<Long> children = new ArrayList<>();
        for (int i = 0; i < 6; i += 2) {
            String[] parent = run.out().get(i).split(" ");
            assertEquals("Hello from parent " + Programs.me() + " " + parent[4], run.out().get(i));
            long child = Long.parseLong(parent[4]);
            assertNotEquals(Programs.me(), child);
            assertEquals("Hello from child " + child, run.out().get(i + 1));
            children.add(child);
        }
        assertEquals(3, new HashSet<>(children).size(), "every child is a new process: " + children);
        children.forEach(Programs::assertGone);
    }

    @Test
    void endOfInputQuitsAfterTheFirstChild() throws Exception {
        Programs.Run run = loop("");
        assertEquals(0, run.code());
        assertEquals(2, run.out().size(), String.join("\n", run.out()));
    }

    @Test
    void anArgumentIsAUsageError() throws Exception {
        Programs.Run run = loop("q\n", "--count");
        assertEquals(2, run.code());
        assertEquals(List.of(), run.out());
        assertEquals(1, run.err().size());
    }
}
