package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZombieTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void aJavaChildIsReapedAndARealZombieIsSeenThenReaped() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc");
        Programs.Run run = Programs.run((out, err) -> Zombie.run(new String[] {"--timeout", "20000"}, out, err));
        String all = String.join("\n", run.out());
        assertEquals(0, run.code(), all);

        String[] java = run.find("Parent " + Programs.me() + " started Java child (\\d+)");
        run.find("Java child " + java[0] + ": gone from /proc \\d+ ms after its output ended;.*");

        String[] made = run.find("Parent (\\d+) \\(sh, then cat: not Java, never waits\\) started child (\\d+)");
        String parent = made[0];
        String zombie = made[1];
        String[] seen = run.find("Child " + zombie + " \\((.+)\\) has exited: state (.) \\(zombie\\) in /proc/"
                + zombie + "/stat, parent (\\d+)");
        assertEquals("Z", seen[1]);
        assertEquals(parent, seen[2], "the zombie's parent is the one that never waits");

        String[] adopted = run.find("Parent " + parent + " exited; zombie " + zombie + " now belongs to (.+)");
        assertNotEquals(parent, adopted[0].split(" ")[0]);
        run.find("Zombie " + zombie + " reaped by .+ after \\d+ ms: /proc/" + zombie + " is gone");
        assertFalse(Files.exists(Path.of("/proc", zombie)), "the zombie is really gone");
        assertTrue(run.indexOf("Zombie .* reaped by .*") > run.indexOf("Child .* has exited: state Z.*"));
    }

    @Test
    void aBadTimeoutIsAUsageError() throws Exception {
        Programs.Run run = Programs.run((out, err) -> Zombie.run(new String[] {"--timeout", "-1"}, out, err));
        assertEquals(2, run.code());
        assertEquals(java.util.List.of("Zombie: --timeout must be between 100 and 600000: -1"), run.err());
    }
}
