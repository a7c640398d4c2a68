package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessObjectsTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void startJoinIsAliveTerminateNamePidAndASubclass() throws Exception {
        // A "second" of 100 ms: p1 sleeps 200 ms after starting, so a 50 ms join times out.
        Programs.Run run = Programs.run((out, err) -> ProcessObjects.run(new String[] {"--second", "100"}, out, err));
        String all = String.join("\n", run.out());
        assertEquals(0, run.code(), all);
        String me = Long.toString(Programs.me());

        assertEquals(List.of("Parent process: " + me, "Child process starting"), run.out().subList(0, 2));
        String task = run.find("Child process running: name=test, pid=(\\d+)")[0];
        assertNotEquals(me, task);
        assertTrue(run.indexOf("Child process finished") > run.indexOf("Child process running: .*"), all);

        // terminate() sends SIGTERM: the looping child ends with 128 + 15.
        run.find("Child process terminated, exitcode=143 \\(ended by signal 15\\)");

        assertEquals("p2 running: true", run.find("(p2 running: .*)")[0]);
        String[] p1 = run.find("p1.name=(Process-\\d+), p1.pid=(\\d+)");
        String p2 = run.find("p2.name=WorkerTwo, p2.pid=(\\d+)")[0];
        run.find("Worker 1 - Parent: " + me + ", Current: " + p1[1]);
        run.find("Worker 2 - Parent: " + me + ", Current: " + p2);
        assertEquals(4, Set.of(me, task, p1[1], p2).size(), "four different processes");
        run.find("p1 after join\\(0.5 s\\): still running: true, exitcode=null");
        int joined = run.indexOf("p1 still running: false, exitcode=0");
        assertTrue(joined > run.indexOf("Worker 1 completed in .*"), all);

        String custom = run.find("Child (\\d+) starting, parent: " + me)[0];
        run.find(custom + " finished in \\d+\\.\\d\\ds");
        assertTrue(run.indexOf("Total time: .*") > run.indexOf(custom + " finished.*"), all);
    }

    @Test
    void aBadSecondIsAUsageError() throws Exception {
        Programs.Run run = Programs.run((out, err) -> ProcessObjects.run(new String[] {"--second", "0"}, out, err));
        assertEquals(2, run.code());
        assertEquals(List.of("ProcessObjects: --second must be between 1 and 10000: 0"), run.err());
    }
}
