package org.parallelsystemtools.filewalk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallelsystemtools.filewalk.beyond.FindFilesFast;

/** FindFilesFast: a bad argument is one line on stderr and exit status 2, a too-large number too. */
class FindFilesFastOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        String usage = " (usage: FindFilesFast [ROOT] [--ext .py] [--count 2] [--trace] [--threads 1..64])\n";
        RealProcess.Result tooMany = RealProcess.of(FindFilesFast.class).args(tmp.toString(), "--threads", "40000").run();
        assertEquals(2, tooMany.code());
        assertEquals("FindFilesFast: --threads must be a whole number from 1 to 64, not '40000'" + usage, tooMany.err());
        RealProcess.Result missing = RealProcess.of(FindFilesFast.class).args(tmp.resolve("missing").toString()).run();
        assertEquals(2, missing.code());
        assertEquals("FindFilesFast: no such folder: " + tmp.resolve("missing") + usage, missing.err());
    }
}
