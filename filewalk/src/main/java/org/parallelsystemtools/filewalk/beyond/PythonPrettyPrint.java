package org.parallelsystemtools.filewalk.beyond;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Python's {@code pprint.pformat} (width 80) for what {@link FindFilesFast} prints: a list of
 * {@code (size, path)} tuples. Java has no pretty printer for nested values, so this follows the
 * layout rules of CPython's {@code Lib/pprint.py} step by step: a value that fits stays on one
 * line; a list that does not fit puts one element per line; a tuple or a string that still does
 * not fit is broken again (a string into adjacent literals at its spaces).
 *
 * <p>It is written without lambdas and without {@code +} on strings. Both compile to
 * {@code invokedynamic}, and the first one a JVM meets costs it about 20 ms of start-up to set up
 * method handles: a tenth of what a whole walk of 200,000 files takes.
 */
final class PythonPrettyPrint {
    private static final int WIDTH = 80;

    private PythonPrettyPrint() { }

    /** A Python tuple of two values, e.g. {@code (1234, '/home/me/x.py')}, in Python's tuple order. */
    public record Pair(long size, String path) implements Comparable<Pair> {
        @Override
        public int compareTo(Pair other) {
            int bySize = Long.compare(size, other.size);
            return bySize != 0 ? bySize : Names.comparePython(path, other.path);
        }
    }

    /** {@code pprint.pformat(list)}, width 80. */
    public static String pformat(Collection<Pair> list) {
        StringBuilder out = new StringBuilder();
        format(new ArrayList<>(list), out, 0, 0, 0);
        return out.toString();
    }

    private static void format(Object value, StringBuilder out, int indent, int allowance, int level) {
        String rep = repr(value);
        if (len(rep) > WIDTH - indent - allowance) {
            if (value instanceof List<?> list) {
                out.append('[');
                items(list, out, indent, allowance + 1, level + 1);
                out.append(']');
                return;
            }
            if (value instanceof Pair pair) {
                out.append('(');
                items(List.of(pair.size(), pair.path()), out, indent, allowance + 1, level + 1);
                out.append(')');
                return;
            }
            if (value instanceof String s && !s.isEmpty()) {
                string(s, out, indent, allowance, level + 1);
                return;
            }
        }
        out.append(rep);
    }

    private static void items(List<?> items, StringBuilder out, int indent, int allowance, int level) {
        indent += 1;
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            if (i > 0) {
                out.append(",\n").append(" ".repeat(indent));
            }
            format(items.get(i), out, indent, last ? allowance : 1, level);
        }
    }

    /** pprint's _pprint_str: too long a string becomes adjacent literals split after whitespace. */
    private static void string(String s, StringBuilder out, int indent, int allowance, int level) {
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        List<String> chunks = new ArrayList<>();
        List<String> lines = splitLinesKeepEnds(s);
        int maxWidth = WIDTH - indent;
        int maxWidth1 = maxWidth;
        String rep = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean lastLine = i == lines.size() - 1;
            rep = repr(line);
            if (lastLine) {
                maxWidth1 -= allowance;
            }
            if (len(rep) <= maxWidth1) {
                chunks.add(rep);
                continue;
            }
            List<String> parts = splitAfterSpaces(line);
            int maxWidth2 = maxWidth;
            String current = "";
            for (int j = 0; j < parts.size(); j++) {
                String candidate = current.concat(parts.get(j));
                if (j == parts.size() - 1 && lastLine) {
                    maxWidth2 -= allowance;
                }
                if (len(repr(candidate)) > maxWidth2) {
                    if (!current.isEmpty()) {
                        chunks.add(repr(current));
                    }
                    current = parts.get(j);
                } else {
                    current = candidate;
                }
            }
            if (!current.isEmpty()) {
                chunks.add(repr(current));
            }
        }
        if (chunks.size() == 1) {
            out.append(rep);
            return;
        }
        if (level == 1) {
            out.append('(');
        }
        out.append(String.join("\n".concat(" ".repeat(indent)), chunks));
        if (level == 1) {
            out.append(')');
        }
    }

    /** Python's repr() of an int, a str, a 2-tuple or a list of them. */
    static String repr(Object value) {
        if (value instanceof String s) {
            return reprString(s);
        }
        if (value instanceof Pair p) {
            return new StringBuilder("(").append(p.size()).append(", ")
                    .append(reprString(p.path())).append(')').toString();
        }
        if (value instanceof List<?> list) {
            List<String> reps = new ArrayList<>();
            for (Object v : list) {
                reps.add(repr(v));
            }
            return new StringBuilder("[").append(String.join(", ", reps)).append(']').toString();
        }
        return String.valueOf(value);
    }

    /** Python's str.__repr__: the same quotes, escapes and "printable" rule (by code point). */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(quote);
        int i = 0;
        while (i < s.length()) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == quote || c == '\\') {
                b.append('\\').append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < ' ' || c == 0x7f) {
                b.append(String.format("\\x%02x", c));
            } else if (c < 0x7f || isPrintable(c)) {
                b.appendCodePoint(c);
            } else if (c <= 0xff) {
                b.append(String.format("\\x%02x", c));
            } else if (c <= 0xffff) {
                b.append(String.format("\\u%04x", c));   // also the lone surrogates of undecodable bytes
            } else {
                b.append(String.format("\\U%08x", c));
            }
        }
        return b.append(quote).toString();
    }

    private static boolean isPrintable(int c) {
        switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR:
                return c == ' ';
            default:
                return true;
        }
    }

    /** Python's len(): code points, not Java's UTF-16 units. */
    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** re.findall(r'\S*\s*', line) without its empty last match. */
    private static List<String> splitAfterSpaces(String line) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && !isSpace(line.codePointAt(i))) {
                i += Character.charCount(line.codePointAt(i));
            }
            while (i < line.length() && isSpace(line.codePointAt(i))) {
                i += Character.charCount(line.codePointAt(i));
            }
            parts.add(line.substring(start, i));
            start = i;
        }
        return parts;
    }

    /** str.splitlines(True): Python also breaks at \r, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029. */
    private static List<String> splitLinesKeepEnds(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
                    || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
            if (lineBreak) {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }
}
