package org.parallelsystemtools.filewalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The book program, run as a reader runs it, prints what its /* Output: block shows. */
class BookOutputTest {

    @Test
    void findPythonFilesOnTheSampleTree() {
        // From the repository root, as the README's command runs it.
        RealProcess.Result run = RealProcess.of(FindPythonFiles.class).in(Path.of("..")).args("filewalk/sample").run();
        assertEquals(0, run.code(), run.terminal());
        OutputBlock.assertMatches(FindPythonFiles.class, run.terminal());
        // Numbers are wildcards in the block; the sizes are the lesson here.
        assertEquals("[(0, 'filewalk/sample/pp4e/System/__init__.py'),\n"
                + " (0, 'filewalk/sample/pp4e/__init__.py')]\n"
                + "[(250, 'filewalk/sample/pp4e/System/Processes/fork1.py'),\n"
                + " (4080, 'filewalk/sample/pp4e/System/Filetools/bigpy-tree.py')]\n", run.out());
    }
}
