package org.parallelsystemtools.filewalk.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names shows a name that is not UTF-8 as Python does, wherever the program runs. */
class NamesTest {

    @TempDir
    Path tmp;

    @Test
    void aLatin1NameIsShownWithPythonsSurrogateEscapesRelativeOrAbsolute() throws Exception {
        // A Latin-1 folder holding a Latin-1 file, made by the shell: Java cannot make them from a String.
        Process sh = new ProcessBuilder("sh", "-c", "d=\"$(printf 'caf\\351')\" && mkdir \"$d\" && "
                + "printf 12345 > \"$d/$(printf 'r\\351sum\\351.py')\"").directory(tmp.toFile()).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0);
        Path folder = single(tmp);
        Path file = single(folder);
        assertTrue(file.toString().contains("\uFFFD"), "Java's own text of the name is lossy: " + file);

        assertEquals(tmp + "/caf\uDCE9", Names.display(folder));           // a folder: toUri() adds a slash
        assertEquals(tmp + "/caf\uDCE9/r\uDCE9sum\uDCE9.py", Names.display(file));
        // Relative to a folder other than the one this JVM runs in, so no prefix of the working
        // folder (which the user may not be allowed to stat) plays a part.
        Path relative = tmp.getParent().relativize(file);
        assertEquals(tmp.getFileName() + "/caf\uDCE9/r\uDCE9sum\uDCE9.py", Names.display(relative));
        assertEquals("r\uDCE9sum\uDCE9.py", Names.display(file.getFileName()));
        assertEquals("caf\uDCE9", Names.display(folder.getFileName()));
    }

    private static Path single(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findFirst().orElseThrow();
        }
    }
}
