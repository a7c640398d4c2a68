package org.parallelsystemtools.queues;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

/** An output stream to hand to a program's run(...), read back as text or lines. */
final class Captured {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(bytes, true, UTF_8);

    String text() {
        return bytes.toString(UTF_8);
    }

    List<String> lines() {
        String text = text();
        return text.isEmpty() ? List.of() : List.of(text.split("\\R"));
    }
}
