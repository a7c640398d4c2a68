package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The FIFO {@code NamedPipe} made is gone after a kill (TERM) or a Ctrl-C (INT). */
@Execution(ExecutionMode.CONCURRENT)
class NamedPipeSignalTest {

    /** Generous: on a loaded two-core machine one JVM can take seconds to start. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void killRemovesTheFifoTheReaderMade(@TempDir Path tmp) throws Exception {
        assertRemovedAfter("TERM", tmp, 143);
    }

    @Test
    void ctrlCRemovesTheFifoTheReaderMade(@TempDir Path tmp) throws Exception {
        // A JVM that starts with SIGINT ignored (a background job's) keeps it ignored.
        assumeFalse(ignoredSinceStart(2), "skipped: SIGINT ignored since start");
        assertRemovedAfter("INT", tmp, 130);
    }

    @Test
    void theSideThatFoundTheFifoLeavesIt(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("pipefifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        // Someone else's FIFO (here the test's): the reader uses it and leaves it in place.
        RealProcess.Running reader = RealProcess.of(NamedPipe.class).timeout(LIMIT).jvm("-Djava.io.tmpdir=" + tmp).start();
        try (OutputStream pipeout = open(fifo)) {
            pipeout.write("Spam 000\n".getBytes());
        }
        RealProcess.Result run = reader.finish();
        assertTrue(run.out().startsWith("Parent " + reader.pid() + " got \"Spam 000\" at "), run.terminal());
        assertTrue(Files.exists(fifo));
    }

    private static void assertRemovedAfter(String signal, Path tmp, int code) throws Exception {
        Path fifo = tmp.resolve("pipefifo");
        RealProcess.Running reader = RealProcess.of(NamedPipe.class).timeout(LIMIT).jvm("-Djava.io.tmpdir=" + tmp).start();
        // Our open returns once the reader's has: the reader has made the FIFO and is reading.
        try (OutputStream pipeout = open(fifo)) {
            assertTrue(Files.exists(fifo));
            reader.signal(signal);
            assertEquals(code, reader.finish().code());
        }
        assertFalse(Files.exists(fifo), "the reader made the FIFO and removed it on SIG" + signal);
    }

    /** Opens the FIFO for writing once the reader has made it; fails after LIMIT. */
    private static OutputStream open(Path fifo) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            while (!Files.exists(fifo)) {   // opening a missing path would make a plain file
                Thread.onSpinWait();
            }
            try {
                return new FileOutputStream(fifo.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** True if this JVM, and so the programs it starts, began with signal {@code number} ignored. */
    private static boolean ignoredSinceStart(int number) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << (number - 1))) != 0;
            }
        }
        return false;
    }
}
