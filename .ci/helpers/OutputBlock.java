package org.parallelsystemtools.MODULE;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a program's real output against the {@code /* Output:} block at the end of its source.
 *
 * <p>The block is the output of one real run, line for line, closed by a line {@code *}{@code /}.
 * When matching:
 * <ul>
 * <li>every number is a wildcard for any number (pids, times, sizes), and so are the spaces
 *     before it (a padded day or column);</li>
 * <li>day and month names ({@code Mon}, {@code Nov}) match any day or month name;</li>
 * <li>a line {@code ...} stands for any number of lines (a long run, cut);</li>
 * <li>{@code /* Output: (unordered)} compares the lines as a multiset: for output whose order
 *     is up to the scheduler.</li>
 * </ul>
 */
final class OutputBlock {

    private static final String DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun";
    private static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    // A number with the spaces before it: "pid:%4s" prints "pid:4711" and "pid: 815" alike.
    private static final Pattern SPECIAL = Pattern.compile(
            "( *)\\d+(?:\\.\\d+)?|\\b(?:" + DAYS + ")\\b|\\b(?:" + MONTHS + ")\\b");

    private OutputBlock() {
    }

    /** Fails unless {@code output} (what the program printed, as a terminal shows it) fits the block. */
    static void assertMatches(Class<?> program, String output) {
        List<String> block = block(program);
        boolean unordered = header(program).contains("(unordered)");
        List<String> actual = lines(output);
        boolean fits = unordered ? unorderedFits(block, actual) : orderedFits(block, actual);
        if (!fits) {
            fail(program.getSimpleName() + "'s output does not fit its /* Output:" + (unordered ? " (unordered)" : "")
                    + " block.\n--- block:\n" + String.join("\n", block) + "\n--- output:\n" + output);
        }
    }

    /** The block's lines. */
    static List<String> block(Class<?> program) {
        List<String> source = source(program);
        int start = headerIndex(program, source);
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < source.size(); i++) {
            if (source.get(i).trim().equals("*/")) {
                return block;
            }
            block.add(source.get(i));
        }
        throw new AssertionError(program.getSimpleName() + ": the /* Output: block has no closing */ line");
    }

    private static String header(Class<?> program) {
        List<String> source = source(program);
        return source.get(headerIndex(program, source));
    }

    private static int headerIndex(Class<?> program, List<String> source) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).startsWith("/* Output:")) {
                return i;
            }
        }
        throw new AssertionError(program.getSimpleName() + " has no /* Output: block");
    }

    private static List<String> source(Class<?> program) {
        Path file = Path.of("src/main/java", program.getName().replace('.', '/') + ".java");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /** One block line as a regular expression. */
    static String regex(String line) {
        StringBuilder regex = new StringBuilder();
        var m = SPECIAL.matcher(line);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(line.substring(at, m.start())));
            String found = m.group();
            if (found.matches(DAYS)) {
                regex.append("(?:").append(DAYS).append(')');
            } else if (found.matches(MONTHS)) {
                regex.append("(?:").append(MONTHS).append(')');
            } else {
                regex.append(" *").append("\\d+(?:\\.\\d+)?");
            }
            at = m.end();
        }
        return regex.append(Pattern.quote(line.substring(at))).toString();
    }

    private static boolean orderedFits(List<String> block, List<String> actual) {
        StringBuilder whole = new StringBuilder("\\A");
        for (String line : block) {
            whole.append(line.equals("...") ? "(?:[^\\n]*\\n)*?" : regex(line) + "\\n");
        }
        return Pattern.compile(whole.append("\\z").toString())
                .matcher(String.join("\n", actual) + (actual.isEmpty() ? "" : "\n")).matches();
    }

    private static boolean unorderedFits(List<String> block, List<String> actual) {
        List<String> left = new ArrayList<>(actual);
        boolean more = false;
        for (String line : block) {
            if (line.equals("...")) {
                more = true;
                continue;
            }
            Pattern pattern = Pattern.compile(regex(line));
            int found = -1;
            for (int i = 0; i < left.size() && found < 0; i++) {
                if (pattern.matcher(left.get(i)).matches()) {
                    found = i;
                }
            }
            if (found < 0) {
                return false;
            }
            left.remove(found);
        }
        return more || left.isEmpty();
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
