package org.parallelsystemtools.waiting;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Stopping a parent however a reader might (Ctrl-C to its process group, SIGTERM, SIGKILL) leaves
 * none of its children running: each child watches its parent and ends with it.
 */
@Execution(ExecutionMode.CONCURRENT)
class NothingLeftBehindTest {

    /** Children that would sleep 10-50 s: every run below ends by a signal long before that. */
    private static final double SLOW = 10;
    private static final Pattern PARENT_LINE = Pattern.compile("\tpid: (\\d+), forkPID1: (\\d+), forkPID2: (\\d+)\n");

    @Test
    void sigtermToTheParentLeavesNoChild() {
        RealProcess.Running running = program(WaitForAny.class).pace(SLOW).start();
        awaitBothChildren(running::terminal);
        running.signal("TERM");
        assertEquals(143, running.finish().code());   // finish() fails if a child is left
    }

    @Test
    void sigkillToTheParentLeavesNoChild() {
        RealProcess.Running running = program(WaitForOne.class).pace(SLOW).start();
        awaitBothChildren(running::terminal);
        running.signal("KILL");
        assertEquals(137, running.finish().code());
    }

    /**
     * Ctrl-C sends SIGINT to the whole foreground process group. The parent runs in a group of its
     * own (setsid), with SIGINT reset to the default: a JVM started from a background job
     * inherits SIGINT ignored, and a JVM never catches a signal it was started ignoring.
     */
    @Test
    void sigintToTheProcessGroupLeavesNothingInIt() throws IOException, URISyntaxException {
        assumeTrue(onPath("setsid") && onPath("perl"), "skipped: needs setsid and perl to give the parent its own process group");
        List<String> command = new ArrayList<>(List.of("setsid", "perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV",
                ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(Relaunch.JVM_FLAGS);
        command.addAll(List.of("-Dpace=" + SLOW, "-cp",
                Path.of(WaitForAny.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                WaitForAny.class.getName()));
        Process parent = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread copier = copy(parent.getInputStream(), out);
        long group = parent.pid();   // setsid became the group leader, then exec'd perl, then java
        try {
            awaitBothChildren(() -> text(out));
            assertTrue(inGroup(group).size() >= 3, "parent and two children in group " + group);
            new ProcessBuilder("kill", "-INT", "--", "-" + group).inheritIO().start().waitFor();
            await().atMost(Duration.ofSeconds(30)).until(() -> !parent.isAlive() && inGroup(group).isEmpty());
            assertEquals(130, parent.exitValue(), text(out));
            copier.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inGroup(group).forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    /** Waits until the parent and both children have printed their blocks: all three are up. */
    private static void awaitBothChildren(java.util.function.Supplier<String> output) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            String text = output.get();
            return PARENT_LINE.matcher(text).find() && text.contains("forkPID1: 0\n") && text.contains("forkPID2: 0\n");
        });
    }

    /** Live, non-zombie processes whose process group is {@code group} (Linux /proc). */
    private static List<ProcessHandle> inGroup(long group) {
        return ProcessHandle.allProcesses().filter(p -> {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return !fields[0].equals("Z") && Long.parseLong(fields[2]) == group;   // STATE PPID PGRP
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }).toList();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        Thread copier = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = from.read(buffer)) != -1; ) {
                    synchronized (to) {
                        to.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the parent is gone; what it printed is kept
            }
        });
        copier.setDaemon(true);
        copier.start();
        return copier;
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program(Class<?> main) {
        return RealProcess.of(main).timeout(Duration.ofSeconds(90));
    }
}
