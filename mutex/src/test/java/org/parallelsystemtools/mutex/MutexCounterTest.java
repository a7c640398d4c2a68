package org.parallelsystemtools.mutex;

import static com.github.stefanbirkner.systemlambda.SystemLambda.restoreSystemProperties;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOutNormalized;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.github.stefanbirkner.systemlambda.Statement;
import org.junit.jupiter.api.Test;

/**
 * MutexCounter in this JVM: whole lines, each thread counting in order. Its threads may outlive
 * its main thread on a busy machine (the listing only sleeps), so each test waits for them.
 */
class MutexCounterTest {

    private static final Pattern LINE = Pattern.compile("\\[(\\d)\\] => (\\d)");

    @Test
    void twentyFiveWholeLinesEachThreadInOrderAndMainThreadExiting() throws Exception {
        String out = output("0.1", MutexCounterTest::runToTheEnd);

        List<String> lines = new ArrayList<>(out.lines().toList());
        assertTrue(lines.remove("Main thread exiting."), out);
        assertEquals(25, lines.size(), out);
        Map<Integer, List<Integer>> counted = new TreeMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "a tangled line: '" + line + "'");
            counted.computeIfAbsent(Integer.parseInt(m.group(1)), id -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
        }
        List<Integer> zeroToFour = List.of(0, 1, 2, 3, 4);
        assertEquals(Map.of(0, zeroToFour, 1, zeroToFour, 2, zeroToFour, 3, zeroToFour, 4, zeroToFour), counted);
    }

    @Test
    void onASlowTerminalTheLineEndStillFollowsItsOwnText() throws Exception {
        // Each write takes 2 ms, as on a slow terminal. The five threads wake together every
        // "second", so without the mutex another thread's text would land before a line's end.
        List<String> writes = new ArrayList<>();
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (writes) {
                    writes.add(Thread.currentThread().getName() + "|" + new String(bytes, offset, length, StandardCharsets.UTF_8));
                }
                Pace.sleep(0.002 / Pace.factor());
            }
        };
        PrintStream terminal = System.out;
        System.setOut(new PrintStream(slow, true, StandardCharsets.UTF_8));
        try {
            restoreSystemProperties(() -> {
                System.setProperty("pace", "0.1");
                runToTheEnd();
            });
        } finally {
            System.setOut(terminal);
        }

        // Only the counters' lines are written in two pieces.
        String main = Thread.currentThread().getName() + "|";
        writes.removeIf(write -> write.startsWith(main));
        assertEquals(2 * 25, writes.size(), writes::toString);
        for (int i = 0; i < 50; i += 2) {
            String text = writes.get(i);
            String end = writes.get(i + 1);
            assertTrue(LINE.matcher(text.substring(text.indexOf('|') + 1)).matches(), writes::toString);
            assertEquals(text.substring(0, text.indexOf('|')) + "|\n", end, "the line end of another thread's text: " + writes);
        }
    }

    /** MutexCounter's main, and then until no thread runs its code any more. */
    static void runToTheEnd() {
        MutexCounter.main(new String[0]);
        await().atMost(Duration.ofSeconds(20)).until(() -> Thread.getAllStackTraces().values().stream()
                .flatMap(Arrays::stream).map(StackTraceElement::getClassName)
                .noneMatch(name -> name.equals(MutexCounter.class.getName())));
    }

    /** What {@code program} prints, run in this JVM at {@code pace}. */
    static String output(String pace, Statement program) throws Exception {
        String[] out = new String[1];
        restoreSystemProperties(() -> {
            System.setProperty("pace", pace);
            out[0] = tapSystemOutNormalized(program);
        });
        return out[0];
    }
}
