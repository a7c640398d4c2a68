package org.parallelsystemtools.threading;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a program's real output against the {@code /* Output:} block at the end of its source.
 *
 * <p>The block is the output of one real run, line for line, closed by a line {@code *}{@code /}.
 * Every number in it is literal: {@code counter=1} fits only {@code counter=1}. What truly varies
 * from run to run is named on the block's first line, in parentheses, clauses separated by
 * {@code ;}:
 * <ul>
 * <li>{@code vary 4711 4712 50321}: each of these numbers, wherever it stands in the block, is a
 *     value of the run (a pid, a port). The same number stands for the same value everywhere,
 *     and two different numbers for two different values: the child pid the parent printed must
 *     be the pid the child printed, and ten tasks on three workers show three pids.</li>
 * <li>{@code any 2013}: each of these numbers fits any number, each place on its own (a
 *     duration in whole milliseconds).</li>
 * <li>{@code under 20000000 18139932}: each number after the first fits any whole number below
 *     the first (a total that a race makes smaller, but never as large as no race would).</li>
 * <li>{@code times}: every decimal number ({@code 0.51}, {@code 1733312005.12}), clock time
 *     ({@code 21:04:17}), day and month name fits any of its kind, each place on its own.</li>
 * <li>{@code unordered}: the lines are compared as a multiset, for output whose order is up to
 *     the scheduler.</li>
 * </ul>
 * A varying number may be padded differently ({@code pid:%4s}): the spaces before it are free.
 *
 * <p>A line {@code ...} stands for lines cut from a long run: any number of lines, each of which
 * has the shape of some line of the block (the same text, any numbers). A stack trace or any
 * other line that the block does not show never fits, ordered or unordered.
 *
 * <pre>
 * /* Output: (vary 4711 4712)
 * Parent 4711 started child 4712
 * Child 4712 of 4711: counter=1
 * *&#47;
 * </pre>
 */
final class OutputBlock {

    private static final String DAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun";
    private static final String MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    private static final String NUMBER = "\\d+(?:\\.\\d+)?";
    private static final String CLOCK = "\\d{1,2}:\\d\\d(?::\\d\\d)?";
    /** What the block may hold that can vary: a clock time, a number, a day or month name. */
    private static final Pattern TOKEN = Pattern.compile("( *)(?:(?<clock>(?<![\\d.:])" + CLOCK + "(?![\\d:]))"
            + "|(?<number>(?<![\\d.])" + NUMBER + "(?![\\d]))|(?<name>\\b(?:" + DAYS + "|" + MONTHS + ")\\b))");
    /** More ways to try than a fitting block ever needs: a pathological run fails, it does not hang. */
    private static final int MAX_STEPS = 1_000_000;

    private OutputBlock() {
    }

    /** Fails unless {@code output} (what the program printed, as a terminal shows it) fits the block. */
    static void assertMatches(Class<?> program, String output) {
        List<String> source = source(program);
        int start = headerIndex(program, source);
        String header = source.get(start);
        List<String> block = block(program.getSimpleName(), source, start);
        if (!fits(header, block, output)) {
            fail(program.getSimpleName() + "'s output does not fit its block " + header.trim() + "\n--- block:\n"
                    + String.join("\n", block) + "\n--- output:\n" + output);
        }
    }

    /** The block's lines. */
    static List<String> block(Class<?> program) {
        List<String> source = source(program);
        return block(program.getSimpleName(), source, headerIndex(program, source));
    }

    /**
     * True if {@code output} fits the block: {@code header} is the block's first line
     * ({@code /* Output: (vary 4711; unordered)}), {@code block} the lines after it.
     */
    static boolean fits(String header, List<String> block, String output) {
        Spec spec = Spec.of(header);
        List<Line> lines = new ArrayList<>();
        List<Pattern> shapes = new ArrayList<>();
        for (String text : block) {
            if (!text.equals("...")) {
                Line line = Line.of(text, spec);
                lines.add(line);
                shapes.add(line.shape);
            }
        }
        boolean more = block.contains("...");
        List<String> actual = lines(output);
        int[] steps = {0};
        if (spec.unordered) {
            return unorderedFits(lines, more, shapes, actual, new boolean[actual.size()], 0, new HashMap<>(), steps);
        }
        List<Line> ordered = new ArrayList<>();
        for (String text : block) {
            ordered.add(text.equals("...") ? null : Line.of(text, spec));
        }
        return orderedFits(ordered, 0, actual, 0, shapes, new HashMap<>(), steps);
    }

    /** What the header says varies. */
    private record Spec(boolean unordered, boolean times, Set<String> vary, Set<String> any, Map<String, Long> under) {

        static Spec of(String header) {
            boolean unordered = false;
            boolean times = false;
            Set<String> vary = new HashSet<>();
            Set<String> any = new HashSet<>();
            Map<String, Long> under = new HashMap<>();
            int open = header.indexOf('(');
            if (open >= 0) {
                int close = header.lastIndexOf(')');
                if (close < open) {
                    throw new AssertionError("the block's header has no closing ')': " + header);
                }
                for (String clause : header.substring(open + 1, close).split(";")) {
                    List<String> words = List.of(clause.trim().split("\\s+"));
                    switch (words.get(0)) {
                        case "unordered" -> unordered = true;
                        case "times" -> times = true;
                        case "vary" -> vary.addAll(words.subList(1, words.size()));
                        case "any" -> any.addAll(words.subList(1, words.size()));
                        case "under" -> words.subList(2, words.size()).forEach(w -> under.put(w, Long.parseLong(words.get(1))));
                        default -> throw new AssertionError("the block's header says '" + clause.trim()
                                + "'; it knows unordered, times, vary N..., any N..., under LIMIT N...");
                    }
                }
            }
            return new Spec(unordered, times, vary, any, under);
        }
    }

    /**
     * One block line: {@code exact} matches it with its variables as named groups, {@code shape}
     * with every number free (for the lines a {@code ...} stands for).
     */
    private record Line(Pattern exact, Pattern shape, List<String> variables, Map<String, Long> limits) {

        static Line of(String text, Spec spec) {
            StringBuilder exact = new StringBuilder();
            StringBuilder shape = new StringBuilder();
            List<String> variables = new ArrayList<>();
            Map<String, Long> limits = new HashMap<>();
            Matcher m = TOKEN.matcher(text);
            int at = 0;
            while (m.find()) {
                String literal = Pattern.quote(text.substring(at, m.start()));
                exact.append(literal);
                shape.append(literal);
                String spaces = m.group(1);
                String token = m.group().substring(spaces.length());
                String kind = m.group("clock") != null ? CLOCK : m.group("number") != null ? NUMBER : DAYS + "|" + MONTHS;
                String loose = " *(?:" + kind + ")";
                shape.append(m.group("name") != null && !spec.times ? Pattern.quote(m.group()) : loose);
                if (m.group("number") != null && spec.vary.contains(token)) {
                    String group = "v" + token.replace(".", "_");
                    exact.append(variables.contains(group) ? " *\\k<" + group + ">" : " *(?<" + group + ">" + NUMBER + ")");
                    variables.add(group);
                } else if (m.group("number") != null && spec.under.containsKey(token)) {
                    String group = "u" + limits.size();
                    exact.append(" *(?<").append(group).append(">\\d+)");
                    limits.put(group, spec.under.get(token));
                } else if (m.group("number") != null && spec.any.contains(token)) {
                    exact.append(loose);
                } else if (spec.times && (m.group("number") == null || token.contains("."))) {
                    exact.append(loose);
                } else {
                    exact.append(Pattern.quote(m.group()));
                }
                at = m.end();
            }
            String rest = Pattern.quote(text.substring(at));
            return new Line(Pattern.compile(exact + rest), Pattern.compile(shape + rest),
                    List.copyOf(new HashSet<>(variables)), limits);
        }

        /** The bindings after this line fits {@code actual}, or null if it does not. */
        Map<String, String> fit(String actual, Map<String, String> bound) {
            Matcher m = exact.matcher(actual);
            if (!m.matches()) {
                return null;
            }
            for (Map.Entry<String, Long> limit : limits.entrySet()) {
                String value = m.group(limit.getKey());
                if (value.length() > 18 || Long.parseLong(value) >= limit.getValue()) {
                    return null;
                }
            }
            Map<String, String> now = new HashMap<>(bound);
            for (String variable : variables) {
                String value = m.group(variable).replaceFirst("^0+(?=\\d)", "");
                String before = now.get(variable);
                if (before == null ? now.containsValue(value) : !before.equals(value)) {
                    return null;   // one number, two values; or two numbers, one value
                }
                now.put(variable, value);
            }
            return now;
        }
    }

    private static boolean orderedFits(List<Line> block, int b, List<String> actual, int a, List<Pattern> shapes,
            Map<String, String> bound, int[] steps) {
        if (++steps[0] > MAX_STEPS) {
            return false;
        }
        if (b == block.size()) {
            return a == actual.size();
        }
        Line line = block.get(b);
        if (line == null) {
            for (int k = a; ; k++) {
                if (orderedFits(block, b + 1, actual, k, shapes, bound, steps)) {
                    return true;
                }
                if (k == actual.size() || !hasShape(actual.get(k), shapes)) {
                    return false;
                }
            }
        }
        if (a == actual.size()) {
            return false;
        }
        Map<String, String> now = line.fit(actual.get(a), bound);
        return now != null && orderedFits(block, b + 1, actual, a + 1, shapes, now, steps);
    }

    private static boolean unorderedFits(List<Line> block, boolean more, List<Pattern> shapes, List<String> actual,
            boolean[] used, int b, Map<String, String> bound, int[] steps) {
        if (++steps[0] > MAX_STEPS) {
            return false;
        }
        if (b == block.size()) {
            for (int i = 0; i < actual.size(); i++) {
                if (!used[i] && !(more && hasShape(actual.get(i), shapes))) {
                    return false;
                }
            }
            return true;
        }
        Set<String> tried = new HashSet<>();   // equal lines are interchangeable: try one of them
        for (int i = 0; i < actual.size(); i++) {
            if (used[i] || !tried.add(actual.get(i))) {
                continue;
            }
            Map<String, String> now = block.get(b).fit(actual.get(i), bound);
            if (now != null) {
                used[i] = true;
                if (unorderedFits(block, more, shapes, actual, used, b + 1, now, steps)) {
                    return true;
                }
                used[i] = false;
            }
        }
        return false;
    }

    private static boolean hasShape(String line, List<Pattern> shapes) {
        return shapes.stream().anyMatch(shape -> shape.matcher(line).matches());
    }

    private static List<String> block(String name, List<String> source, int start) {
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < source.size(); i++) {
            if (source.get(i).trim().equals("*/")) {
                return block;
            }
            block.add(source.get(i));
        }
        throw new AssertionError(name + ": the /* Output: block has no closing */ line");
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

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
