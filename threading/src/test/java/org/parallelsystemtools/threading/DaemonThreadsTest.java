package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class DaemonThreadsTest {

    @Test
    void theJvmExitsAfterTheNonDaemonThreadAndCutsTheDaemonOff() throws Exception {
        // The daemon would need 1000 x 20 ms = 20 s; the non-daemon is done after 3 x 20 ms.
        Captured c = Captured.run(DaemonThreads::run,
                "--count", "3", "--daemon-count", "1000", "--delay-ms", "20", "--join-ms", "30");
        assertEquals(0, c.code, c.out);
        assertEquals("", c.err);
        List<String> lines = c.outLines();

        assertEquals("Parent " + ProcessHandle.current().pid() + " runs the demonstration in a child JVM",
                lines.get(0));
        Matcher header = Pattern.compile("Child JVM (\\d+): a daemon thread \\(isDaemon=true\\) counts to 999, "
                + "a non-daemon thread \\(isDaemon=false\\) to 2").matcher(lines.get(1));
        assertTrue(header.matches(), lines.get(1));
        long childPid = Long.parseLong(header.group(1));
        assertTrue(childPid != ProcessHandle.current().pid());

        int mainExits = lines.indexOf("Main thread exiting...");
        int jvmExits = lines.indexOf("JVM exiting: non-daemon thread alive: false, daemon thread alive: true");
        assertTrue(lines.contains("join(30 ms) on the daemon thread returned; still alive: true"), c.out);
        assertTrue(mainExits > 1, c.out);
        assertTrue(jvmExits > mainExits, "the JVM exits only after main has returned:\n" + c.out);

        Map<String, List<Integer>> counted = CountLines.byId(lines);
        assertEquals(CountLines.upTo(3), counted.get("non-daemon"), "the non-daemon thread finished");
        List<Integer> daemon = counted.get("daemon");
        int lastDaemon = daemon == null ? -1 : daemon.get(daemon.size() - 1);
        assertEquals(CountLines.upTo(lastDaemon + 1), daemon == null ? List.of() : daemon, "daemon counted in order");
        assertTrue(lastDaemon < 999, "the daemon thread was stopped mid-work");
        for (int k = 0; k < 3; k++) {
            assertTrue(lines.indexOf("[non-daemon] => " + k) < jvmExits, "JVM waited for the non-daemon thread");
        }
        assertEquals("Child JVM " + childPid + " exited with code 0; its daemon thread was cut off after "
                + (daemon == null ? "(nothing)" : "[daemon] => " + lastDaemon) + " of 0..999",
                lines.get(lines.size() - 1));
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no child JVM left behind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--role grandchild", "--join-ms 0", "--delay-ms soon", "--threads 2", "--count"})
    void badArgumentsGiveOneLineAndExitCode2(String args) throws Exception {
        Captured c = Captured.run(DaemonThreads::run, args.split(" "));
        assertEquals(2, c.code);
        assertEquals("", c.out);
        assertEquals(1, c.errLines().size(), c.err);
        assertTrue(c.err.startsWith("DaemonThreads: "), c.err);
    }
}
