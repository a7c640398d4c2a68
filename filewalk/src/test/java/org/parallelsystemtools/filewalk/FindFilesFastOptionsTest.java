package org.parallelsystemtools.filewalk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallelsystemtools.filewalk.beyond.FindFilesFast;

/** FindFilesFast as a real process: its own check of the folder, its names from a private folder. */
class FindFilesFastOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void aMissingFolderIsOneLineAndExitTwo() {
        RealProcess.Result missing = RealProcess.of(FindFilesFast.class).args(tmp.resolve("missing").toString()).run();
        assertEquals(List.of(2, "", "FindFilesFast: no such folder: " + tmp.resolve("missing")
                        + " (usage: FindFilesFast [ROOT] [--ext .py] [--count 2] [--trace] [--threads 1..64])\n"),
                List.of(missing.code(), missing.out(), missing.err()));
    }

    /** A clone in a private folder (mktemp -d): the program's working folder is one it may not stat. */
    @Test
    void namesAreShownAsPythonShowsThemFromAFolderTheUserMayNotStat() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Process sh = new ProcessBuilder("sh", "-c", "printf 12345 > \"$(printf 'r\\351sum\\351.py')\"")
                .directory(home.toFile()).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0);
        Path inside = Files.createDirectories(tmp.resolve("private/inside"));
        Files.setPosixFilePermissions(tmp.resolve("private"), PosixFilePermissions.fromString("rwx------"));

        AsNobody.Result run = AsNobody.run(tmp, inside, FindFilesFast.class, home.toString(), "--trace");

        assertEquals(List.of(0, ""), List.of(run.code(), run.err()), run.out());
        String shown = home + "/r\\udce9sum\\udce9.py";
        assertEquals(home + "\n... r\uDCE9sum\uDCE9.py\n".replace('\uDCE9', '?')   // a lone surrogate in UTF-8: '?'
                + "[(5, '" + shown + "')]\n[(5, '" + shown + "')]\n", run.out().replace(",\n ", ", "));
    }
}
