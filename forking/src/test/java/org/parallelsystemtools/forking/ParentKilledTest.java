package org.parallelsystemtools.forking;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A child must not outlive a parent that is killed outright (no finally block runs then). */
class ParentKilledTest {

    @AfterEach
    void noChildLeft() {
        Programs.assertNoDescendantsLeft();
    }

    @Test
    void aLoopingChildEndsWhenItsParentIsKilled() throws Exception {
        // ProcessObjects as a program of its own, with 10 s "seconds": its second child prints
        // every 5 s and would be terminated only after 10 s.
        Process parent = new ProcessBuilder(Relaunch.command(Relaunch.FAST_START, ProcessObjects.class,
                "--second", "10000"))
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern looping = Pattern.compile("Child running: name=test, age=18, pid=(\\d+)");
            String child = null;
            for (String line; child == null && (line = lines.readLine()) != null; ) {
                Matcher m = looping.matcher(line);
                if (m.matches()) {
                    child = m.group(1);
                }
            }
            assertNotNull(child, "the looping child started");
            parent.destroyForcibly();   // SIGKILL: the parent gets no chance to clean up
            parent.waitFor();
            Programs.assertGone(Long.parseLong(child));
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void theRelaunchCommandUsesThisJavaAndTheModulesClasses() {
        List<String> command = Relaunch.command(List.of("-Xss512k"), ForkLoop.class, "a");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(Relaunch.javaBinary(), "-Xss512k",
                "-Dforking.parent=" + Programs.me(), "-cp",
                Relaunch.classPath(ForkLoop.class), ForkLoop.class.getName(), "a"), command);
    }

    @Test
    void theWatcherReadsTheSameParentPidAsProcessHandle() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat")));
        org.junit.jupiter.api.Assertions.assertEquals(
                ProcessHandle.current().parent().orElseThrow().pid(), Relaunch.parentPid());
    }
}
