package org.parallelsystemtools.pipes;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lutz {@code makewords.py} piped into {@code sort}, as the shell runs
 * {@code python makewords.py | sort}: the words come out sorted, because a pipe joins the word
 * source's standard output to sort's standard input.
 *
 * <p>{@code ProcessBuilder.startPipeline} is Java's {@code |}: it starts both programs and makes
 * the pipe between them, so neither program knows the other; this one reads only the last.
 */
public final class SortedWords {

    public static void main(String[] args) throws Exception {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                Relaunch.builder(MakeWords.class),    // python makewords.py, as a JVM
                new ProcessBuilder("sort")));         // | sort
        Process sort = pipeline.get(pipeline.size() - 1);
        System.out.print(new String(sort.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        for (Process each : pipeline) {
            each.waitFor();
        }
    }
}
/* Output:
eggs
ham
spam
*/
