package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessIdsTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void theChildsParentIsTheParentAndViceVersa() throws Exception {
        Programs.Run run = Programs.run((out, err) -> ProcessIds.run(new String[0], out, err));
        assertEquals(0, run.code());
        String[] parent = run.find("Parent process PID: (\\d+), Child PID: (\\d+)");
        String[] child = run.find("Child process PID: (\\d+), Parent PID: (\\d+)");
        assertEquals(Long.toString(Programs.me()), parent[0]);
        assertEquals(parent[1], child[0], "the child's own pid is the one its parent was given");
        assertEquals(parent[0], child[1], "the child's parent pid is the parent's own pid");
        assertNotEquals(parent[0], parent[1]);
        assertEquals(2, run.out().stream().filter(l -> l.equals("Both processes execute this code")).count());
        assertEquals(4, run.out().size());
    }
}
