package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads "[id] => i" lines: which ids counted what, in the order printed. */
final class CountLines {
    static final Pattern LINE = Pattern.compile("\\[([^\\]\\[]+)\\] => (\\d+)");

    private CountLines() {
    }

    /** The counts each id printed, in output order; lines that are not count lines are skipped. */
    static Map<String, List<Integer>> byId(List<String> lines) {
        Map<String, List<Integer>> seen = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                seen.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
            }
        }
        return seen;
    }

    static List<Integer> upTo(int count) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add(i);
        }
        return numbers;
    }

    /**
     * All lines but the last are whole "[id] => i" lines (no tangles), ids 0..threads-1
     * each counted 0..count-1 in order to the end, and the last line is {@code last}.
     */
    static void assertEveryThreadCountedInOrder(List<String> lines, int threads, int count, String last) {
        assertEquals(threads * count + 1, lines.size(), "one line per count plus the main thread's");
        assertEquals(last, lines.get(lines.size() - 1));
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertEquals(true, LINE.matcher(line).matches(), "a tangled or foreign line: '" + line + "'");
        }
        Map<String, List<Integer>> seen = byId(lines);
        assertEquals(threads, seen.size(), "every thread printed");
        for (int id = 0; id < threads; id++) {
            assertEquals(upTo(count), seen.get("" + id), "thread " + id + " counted in order to the end");
        }
    }
}
