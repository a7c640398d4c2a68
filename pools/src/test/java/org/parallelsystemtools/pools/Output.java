package org.parallelsystemtools.pools;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A PrintStream for a program to write to, and what it wrote so far (safe from any thread). */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // synchronized methods
    final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
        return text().lines().toList();
    }
}
