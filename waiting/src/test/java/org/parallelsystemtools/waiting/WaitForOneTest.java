package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitForOneTest {

    @AfterEach
    void noChildLeft() {
        Output.assertNoDescendantLeft();
    }

    @Test
    void waitpidReturnsThatChildAndItsOwnExitStatus() {
        Output out = new Output();
        Output err = new Output();

        assertEquals(0, WaitForOne.run(new String[] {"--scale", "300"}, out.stream, err.stream),
                err.lines()::toString);

        // Each child exits with its own status (1, 2, 3): the status waitpid hands back
        // proves which process the parent really waited for.
        Map<Integer, Long> pidByStatus = new HashMap<>();
        for (Matcher child : out.matching("Child (\\d+) sleeping for \\d x 300 ms, then exiting with status (\\d)")) {
            pidByStatus.put(Integer.parseInt(child.group(2)), Long.parseLong(child.group(1)));
        }
        assertEquals(3, pidByStatus.size(), out.lines()::toString);
        Matcher started = out.single("Parent (\\d+) started children (\\d+), (\\d+), (\\d+)");
        assertEquals(ProcessHandle.current().pid(), Long.parseLong(started.group(1)));
        for (int status = 1; status <= 3; status++) {
            assertEquals(pidByStatus.get(status), Long.parseLong(started.group(status + 1)));
        }

        long slowest = pidByStatus.get(1);
        out.single("Parent: waitpid\\(" + slowest + ", WNOHANG\\) -> \\(0, 0\\): still running");
        List<Matcher> waits = out.matching("Parent: waitpid\\((\\d+)\\) -> \\((\\d+), (\\d+)\\).*");
        assertEquals(3, waits.size(), out.lines()::toString);
        for (int i = 0; i < 3; i++) {
            long pid = pidByStatus.get(i + 1);
            assertEquals(pid, Long.parseLong(waits.get(i).group(1)), "waited in the order started");
            assertEquals(pid, Long.parseLong(waits.get(i).group(2)));
            assertEquals(i + 1, Integer.parseInt(waits.get(i).group(3)));
        }
    }

    @Test
    void badScaleIsOneLineAndStatusTwo() {
        Output out = new Output();
        Output err = new Output();
        assertEquals(2, WaitForOne.run(new String[] {"--scale", "-5"}, out.stream, err.stream));
        assertEquals(List.of("WaitForOne: --scale must be between 1 and 60000, not -5 (option: --scale MS)"),
                err.lines());
        assertTrue(out.lines().isEmpty());
    }
}
