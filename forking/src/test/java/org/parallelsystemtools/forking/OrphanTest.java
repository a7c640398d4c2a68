package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void theOrphansParentChangesWhenItsParentEnds() throws Exception {
        Programs.Run run = Programs.run((out, err) -> Orphan.run(new String[] {"--tick", "50"}, out, err));
        assertEquals(0, run.code(), String.join("\n", run.out()));
        String[] started = run.find("Parent (\\d+) started child (\\d+)");
        String parent = started[0];
        String child = started[1];
        assertNotEquals(Long.toString(Programs.me()), parent, "the parent is a JVM of its own");

        // Before the parent ends (it waits for the child's first line), the child sees it as parent.
        int before = run.indexOf("Child " + child + ", Parent PID: " + parent);
        int exiting = run.indexOf("Parent " + parent + " exiting");
        assertTrue(before > 0 && before < exiting, String.join("\n", run.out()));
        String[] after = run.find("Child " + child + " completed: re-parented from " + parent
                + " to (\\d+) \\((.+)\\), (the init process \\(pid 1\\)|a child subreaper)");
        int completed = run.indexOf("Child " + child + " completed: .*");
        assertTrue(completed > exiting, String.join("\n", run.out()));
        assertEquals("Child " + child + ", Parent PID: " + after[0], run.out().get(completed - 1));

        // The new parent is pid 1 or a subreaper, and a subreaper is one of the orphan's
        // living ancestors: the parent's parent (us) or one of ours.
        long adopter = Long.parseLong(after[0]);
        assertNotEquals(Long.parseLong(parent), adopter);
        assertTrue(adopter == 1 || ancestors().contains(adopter), "adopted by " + adopter);
        assertEquals(adopter == 1, after[2].startsWith("the init process"));
        Programs.assertGone(Long.parseLong(child));    // it ends by itself
    }

    private static List<Long> ancestors() {
        List<Long> pids = new ArrayList<>();
        for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
            pids.add(p.get().pid());
        }
        return pids;
    }

    @Test
    void anUnknownOptionIsAUsageError() throws Exception {
        Programs.Run run = Programs.run((out, err) -> Orphan.run(new String[] {"--ticks", "5"}, out, err));
        assertEquals(2, run.code());
        assertEquals(1, run.err().size());
        assertTrue(run.err().get(0).startsWith("Orphan: unknown option: --ticks"));
    }
}
