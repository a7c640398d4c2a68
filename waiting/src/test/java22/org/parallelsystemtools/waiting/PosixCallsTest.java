package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.waiting.beyond.PosixCalls;

/** PosixCalls' libc calls agree with the JDK's own answers, and a bad option is one line and exit 2. */
@Execution(ExecutionMode.CONCURRENT)
class PosixCallsTest {

    @Test
    void libcAndTheJdkAgree() {
        RealProcess.Running running = program(PosixCalls.class).jvm("--enable-native-access=ALL-UNNAMED").start();
        RealProcess.Result run = running.closeStdin().finish();
        assertEquals(0, run.code(), run.terminal());
        List<String> lines = run.terminalLines();
        assertEquals(6, lines.size(), run.terminal());
        assertEquals("getpid()  = " + running.pid() + "    ProcessHandle.current().pid()    = " + running.pid(), lines.get(0));
        long testJvm = ProcessHandle.current().pid();
        assertEquals("getppid() = " + testJvm + "    ProcessHandle.current().parent() = " + testJvm, lines.get(1));
        assertTrue(lines.get(2).matches("mkfifo\\(.*/fifo, 0600\\) = 0; neither file nor directory: true"), lines.get(2));
        assertEquals("read from it: a line through the FIFO", lines.get(3));
        Matcher kill = Pattern.compile("kill\\((\\d+), 15\\) = 0; waitFor\\(\\) = 143").matcher(lines.get(4));
        assertTrue(kill.matches(), lines.get(4));
        assertEquals("kill(" + kill.group(1) + ", 0) once it has ended = -1, errno 3 (No such process)", lines.get(5));
    }

    @Test
    void anotherSignalGivesAnotherStatus() {
        RealProcess.Result run = program(PosixCalls.class).jvm("--enable-native-access=ALL-UNNAMED")
                .args("--signal", "9").run();
        assertEquals(0, run.code(), run.terminal());
        assertTrue(run.terminal().matches("(?s).*kill\\(\\d+, 9\\) = 0; waitFor\\(\\) = 137\n.*"), run.terminal());
    }

    @Test
    void aSignalOutOfRangeIsOneLineAndExit2() {
        RealProcess.Result run = program(PosixCalls.class).jvm("--enable-native-access=ALL-UNNAMED")
                .args("--signal", "19").run();
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertEquals("PosixCalls: --signal must be a whole number from 1 to 15, not '19' (usage: PosixCalls [--signal N])\n",
                run.err());
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program(Class<?> main) {
        return RealProcess.of(main).timeout(Duration.ofSeconds(90));
    }
}
