package org.parallelsystemtools.signals;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every book program as a real process, matched against its {@code /* Output:} block; each run
 * also checks what its program is there to show. The signals sent are the book's: ALRM from the
 * program itself, USR1 (10) from outside, and Ctrl-C (SIGINT to the program's process group).
 */
@Execution(ExecutionMode.CONCURRENT)
class BookOutputTest {

    /** How long a program may take: long, for a machine so busy that a new JVM waits for a core. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    static final String ASCTIME = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
            + "[ 123]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}";

    /** The pace of every run here: quick by default; CI runs them at the book's pace, 1. */
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    @Test
    void alarmAlternatesSettingAndGotAlarm() {
        RealProcess.Running alarm = RealProcess.of(Alarm.class).timeout(PATIENCE).pace(PACE).start();
        alarm.awaitOutput(out -> out.lines().filter(line -> line.startsWith("Setting at ")).count() >= 3);
        alarm.signal("TERM");   // it loops for ever, as the listing does
        RealProcess.Result run = alarm.finish();

        // Each line of the run alternates, so no line the block does not show slipped in.
        List<String> lines = run.terminalLines();
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches(i % 2 == 0 ? "Setting at " + ASCTIME : "Got alarm 14 at " + ASCTIME),
                    run.terminal());
        }
        // The block's five lines against the run's first five: at a quick pace more alarms may ring
        // before TERM, and the lines its "..." stands for would have to name the block's own day.
        OutputBlock.assertMatches(Alarm.class, String.join("\n", lines.subList(0, 5)) + "\n");
    }

    @Test
    void catchSignalPrintsTheNumberOfEachSignalItIsSent() {
        RealProcess.Running catcher = RealProcess.of(CatchSignal.class).timeout(PATIENCE).args("10").start();
        // It prints nothing until a signal comes; the kernel shows when its handler is in place.
        awaitCaught(catcher.pid(), 10);
        for (int sent = 1; sent <= 3; sent++) {
            catcher.signal("USR1");
            int lines = sent;
            catcher.awaitOutput(out -> out.lines().count() == lines);
        }
        catcher.signal("TERM");
        RealProcess.Result run = catcher.finish();

        OutputBlock.assertMatches(CatchSignal.class, run.terminal());
        assertEquals(143, run.code(), "TERM still has its default action: 128 + 15");
    }

    @Test
    void countdownCountsThreeCtrlCsThenEnds() {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running job = RealProcess.of(Countdown.class).asJob().pace(PACE).timeout(PATIENCE).start();
        RealProcess.Result run;
        try {
            for (int keepRunning = 2; keepRunning >= 0; keepRunning--) {
                // As in the block's run: three lines before the first Ctrl-C, two before each next one.
                long executing = keepRunning == 2 ? 3 : count(job.terminal(), "Executing...") + 2;
                job.awaitOutput(out -> count(out, "Executing...") >= executing);
                job.signalGroup("INT");   // Ctrl-C, just after a line: the main thread is asleep, as in the book's run
                String line = "Ctrl-C pressed; keepRunning is " + keepRunning;
                job.awaitOutput(out -> out.contains(line));
            }
            run = job.finish();
        } finally {
            job.kill();
        }
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(Countdown.class, run.terminal());
    }

    @Test
    void killChildsParentKillsTheChildThatIgnoresCtrlC() throws Exception {
        assumeTrue(RealProcess.jobsPossible(), "skipped: needs setsid and perl to start the program as a job");
        RealProcess.Running job = RealProcess.of(KillChild.class).asJob().pace(PACE).timeout(PATIENCE).start();
        RealProcess.Result run;
        long child;
        try {
            job.awaitOutput(out -> out.contains("Child still executing."));
            child = ProcessHandle.of(job.pid()).orElseThrow().children().findFirst().orElseThrow().pid();
            new ProcessBuilder("kill", "-INT", Long.toString(child)).inheritIO().start().waitFor();   // the child alone
            long seen = count(job.terminal(), "Child still executing.");
            job.awaitOutput(out -> count(out, "Child still executing.") > seen + 1);
            assertTrue(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "SIGINT left the child alive");

            // As in the block's run: Ctrl-C after the parent's fourth line.
            job.awaitOutput(out -> count(out, "Parent running. Press Ctrl-C to terminate child.") >= 4);
            job.signalGroup("INT");   // Ctrl-C: both get SIGINT; the parent's handler sends the child SIGKILL
            job.awaitOutput(out -> out.contains("Parent terminating normally."));
            run = job.finish();
        } finally {
            job.kill();
        }
        assertEquals(0, run.code(), run.terminal());
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false));
        OutputBlock.assertMatches(KillChild.class, run.terminal());
        // The block is unordered (the two processes' lines interleave as the scheduler likes); its end is not.
        assertTrue(run.terminal().endsWith("Interrupt received. Child process killed.\n"
                + "Parent terminated child process.\nParent terminating normally.\n"), run.terminal());
    }

    private static long count(String output, String line) {
        return output.lines().filter(line::equals).count();
    }

    /** Waits until the kernel lists a handler of process {@code pid} for signal {@code number}. */
    static void awaitCaught(long pid, int number) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> {
            try {
                String caught = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                        .filter(line -> line.startsWith("SigCgt:")).findFirst().orElseThrow().substring(7).trim();
                return new java.math.BigInteger(caught, 16).testBit(number - 1);
            } catch (IOException e) {
                return false;
            }
        });
    }
}
