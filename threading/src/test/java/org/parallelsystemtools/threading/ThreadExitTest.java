package org.parallelsystemtools.threading;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErrNormalized;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withTextFromSystemIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * In-process: the threads exit, and main — this very test's JVM — goes on. Had a thread called
 * System.exit, the JVM running this test would have ended with it.
 */
@Timeout(30)
class ThreadExitTest {

    @Test
    void aThreadThatExitsEndsOnlyItselfAndSilently() throws Exception {
        ThreadExit.EXIT_STAT.set(0);
        String[] out = new String[1];
        String err = tapSystemErrNormalized(() -> withTextFromSystemIn("", "q").execute(
                () -> out[0] = tapSystemOutNormalized(() -> {
                    NewThreads threads = NewThreads.since();
                    ThreadExit.main(new String[0]);
                    threads.join();
                })));
        assertEquals("", err, "SystemExit ends a thread without a stack trace");
        List<String> lines = out[0].lines().toList();
        Pattern hello = Pattern.compile("Hello from child (\\d+) (\\d+)");
        List<Integer> counted = new ArrayList<>();
        for (String line : lines) {
            Matcher m = hello.matcher(line);
            assertTrue(m.matches(), "only greetings, no 'reached': " + line);
            counted.add(Integer.valueOf(m.group(2)));
        }
        Collections.sort(counted);
        assertEquals(List.of(1, 2), counted, "two lines read, two threads, one shared counter");
    }

    @Test
    void sysExitInAThreadEndsOnlyThatThreadAndMainGoesOn() throws Exception {
        String[] out = new String[1];
        System.setProperty(Pace.PROPERTY, "0.05");
        String err;
        try {
            err = tapSystemErrNormalized(() -> out[0] = tapSystemOutNormalized(() -> {
                NewThreads threads = NewThreads.since();
                ThreadingExit.main(new String[0]);
                threads.join();
            }));
        } finally {
            System.clearProperty(Pace.PROPERTY);
        }
        assertEquals("", err, "SystemExit ends the thread without a stack trace");
        assertEquals("Main exit\n", out[0], "main went on, and 'not reached' was not");
    }
}
