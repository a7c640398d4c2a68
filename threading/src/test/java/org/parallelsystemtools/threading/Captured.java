package org.parallelsystemtools.threading;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What a program's run(...) printed and returned. */
final class Captured {
    final int code;
    final String out;
    final String err;

    private Captured(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    interface Program {
        int run(String[] args, PrintStream out, PrintStream err) throws Exception;
    }

    static Captured run(Program program, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = program.run(args, o, e);
        }
        return new Captured(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> outLines() {
        return out.lines().toList();
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
