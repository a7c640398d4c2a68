package org.parallelsystemtools.forking;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs a program's logic in this JVM with captured output, and checks what it left behind. */
final class Programs {

    /** A program run: its exit code and what it printed, as lines. */
    record Run(int code, List<String> out, List<String> err) {
        /** The groups of the first output line matching {@code regex} (whole line). */
        String[] find(String regex) {
            Pattern pattern = Pattern.compile(regex);
            for (String line : out) {
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    String[] groups = new String[m.groupCount()];
                    for (int i = 0; i < groups.length; i++) {
                        groups[i] = m.group(i + 1);
                    }
                    return groups;
                }
            }
            throw new AssertionError("no line matches " + regex + " in:\n" + String.join("\n", out));
        }

        /** Index of the first output line matching {@code regex}, -1 if none. */
        int indexOf(String regex) {
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).matches(regex)) {
                    return i;
                }
            }
            return -1;
        }
    }

    interface Body {
        int run(PrintStream out, PrintStream err) throws Exception;
    }

    static Run run(Body body) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = body.run(o, e);
        }
        return new Run(code, lines(out), lines(err));
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    static long me() {
        return ProcessHandle.current().pid();
    }

    /** Every process this JVM started (and their children) has ended. */
    static void assertNoDescendantsLeft() {
        await().atMost(Duration.ofSeconds(10)).until(
                () -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    /** The process with this pid has ended (for processes that are no longer our descendants). */
    static void assertGone(long pid) {
        await().atMost(Duration.ofSeconds(15)).until(
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    private Programs() {
    }
}
