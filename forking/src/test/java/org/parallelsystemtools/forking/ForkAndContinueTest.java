package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForkAndContinueTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void forkPidIsTheChildsPidInTheParentAndZeroInTheChild() throws Exception {
        Programs.Run run = Programs.run((out, err) -> ForkAndContinue.run(new String[0], out, err));
        assertEquals(0, run.code());
        assertEquals(10, run.out().size(), String.join("\n", run.out()));
        assertEquals("Program executing", run.out().get(0));
        assertEquals("\tpid: " + Programs.me() + ", processName: parent", run.out().get(1));

        int parent = run.indexOf("Parent executing");
        String[] parentSays = run.find("\tpid: (\\d+), forkPID: (\\d+), processName: parent");
        assertEquals(Long.toString(Programs.me()), parentSays[0]);
        long child = Long.parseLong(parentSays[1]);
        assertNotEquals(Programs.me(), child);

        int childIndex = run.indexOf("Child executing");
        assertTrue(parent > 1 && childIndex > 1);
        assertEquals(1, run.out().stream()
                .filter(l -> l.equals("\tpid: " + child + ", forkPID: 0, processName: child")).count());
        // Each process finishes with its own copy of processName (the parent's line is there
        // twice: once under "Program executing", once under "Process finishing").
        assertEquals(2, run.out().stream()
                .filter(l -> l.equals("\tpid: " + Programs.me() + ", processName: parent")).count());
        assertEquals(1, run.out().stream()
                .filter(l -> l.equals("\tpid: " + child + ", processName: child")).count());
        assertEquals(2, run.out().stream().filter(l -> l.equals("Process finishing")).count());
        Programs.assertGone(child);
    }
}
