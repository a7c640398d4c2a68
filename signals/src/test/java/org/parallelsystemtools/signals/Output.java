package org.parallelsystemtools.signals;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A PrintStream for a program to write to, and the lines it wrote. */
final class Output {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    List<String> lines() {
        stream.flush();
        return bytes.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }

    /** The lines matching the regex, as matchers (all groups available). */
    List<Matcher> matching(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines().stream().map(pattern::matcher).filter(Matcher::matches).collect(Collectors.toList());
    }

    /** The one line matching the regex; fails if there is not exactly one. */
    Matcher single(String regex) {
        List<Matcher> found = matching(regex);
        if (found.size() != 1) {
            throw new AssertionError("expected one line matching " + regex + " but found "
                    + found.size() + " in:\n" + String.join("\n", lines()));
        }
        return found.get(0);
    }

    /** Every test ends with this: the program left no process behind. */
    static void assertNoDescendantLeft() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }
}
