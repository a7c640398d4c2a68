package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.waiting.beyond.ExecEditor;
import org.parallelsystemtools.waiting.beyond.PosixCalls;

/** On a JDK older than 22, the programs that call the C library say in one line which JDK they need. */
@Execution(ExecutionMode.CONCURRENT)
class JdkNeededTest {

    @Test
    void posixCallsNamesTheJdkItNeeds() {
        assertNeedsJdk22(PosixCalls.class);
    }

    @Test
    void execEditorNamesTheJdkItNeeds() {
        assertNeedsJdk22(ExecEditor.class);
    }

    private static void assertNeedsJdk22(Class<?> program) {
        int running = Runtime.version().feature();
        assumeTrue(running < 22, "this JDK runs the program itself");
        RealProcess.Result run = RealProcess.of(program).timeout(Duration.ofSeconds(90)).args("x", "y").run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("", run.out());
        assertEquals(program.getSimpleName() + ": needs JDK 22 or newer, and this is JDK " + running
                + " (point JAVA_HOME at a JDK 22+ and build again)\n", run.err());
    }
}
