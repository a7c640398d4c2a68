package org.parallelsystemtools.pipes;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: run a program's run(args, out, err) in-process and look at what it printed. */
final class Runs {
    interface Program {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    record Result(int code, List<String> out, String err) {
        String last() {
            return out.get(out.size() - 1);
        }
    }

    static Result run(Program program, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = program.run(args, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8).lines().collect(Collectors.toList()),
                err.toString(StandardCharsets.UTF_8));
    }

    /** The seed's messages: Spam 000 .. Spam 004, then 000 again, each followed by end. */
    static String spam(int count, String end) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(String.format("Spam %03d%s", i % 5, end));
        }
        return s.toString();
    }

    /** Undoes Cli.bytes: the text between b' and ' back to the bytes, as ISO-8859-1 chars. */
    static String unrepr(String repr) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < repr.length(); i++) {
            char c = repr.charAt(i);
            if (c != '\\') {
                s.append(c);
                continue;
            }
            char k = repr.charAt(++i);
            switch (k) {
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'x' -> {
                    s.append((char) Integer.parseInt(repr.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> s.append(k);
            }
        }
        return s.toString();
    }

    /** No process started by this test JVM is still alive. */
    static void assertNoChildren() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive));
    }

    private Runs() {
    }
}
