package org.parallelsystemtools.filewalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The book program, run as a reader runs it, prints what its /* Output: block shows. */
class BookOutputTest {
    static final double PACE = Double.parseDouble(System.getProperty("book.pace", "0.05"));

    @Test
    void findPythonFilesOnTheSampleTree() {
        // From the repository root, as the README's command runs it. Nothing in the block varies:
        // the sample tree's sizes and paths are checked in, so every number is literal.
        RealProcess.Result run = RealProcess.of(FindPythonFiles.class).in(Path.of("..")).pace(PACE).args("filewalk/sample").run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(FindPythonFiles.class, run.terminal());
    }
}
