package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * {@code NamedPipe} uses {@code /tmp/pipefifo} only if the name itself is a FIFO: anything else
 * that someone put there first is refused in one line, with status 2, and left as it was. A
 * symbolic link is never followed, so a writer cannot be made to truncate or fill its target.
 */
@Execution(ExecutionMode.CONCURRENT)
class NamedPipeRefusalTest {

    /** Generous: on a loaded two-core machine one JVM can take seconds to start. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void theWriterLeavesTheFileALinkPointsTo(@TempDir Path tmp) throws Exception {
        Path target = Files.writeString(tmp.resolve("precious"), "keep me\n");
        Files.createSymbolicLink(tmp.resolve("pipefifo"), target);
        assertRefused(tmp, "a symbolic link", "child");
        assertEquals("keep me\n", Files.readString(target), "the link's target is untouched");
        assertTrue(Files.isSymbolicLink(tmp.resolve("pipefifo")));
    }

    @Test
    void evenALinkToAFifoIsRefused(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("elsewhere");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Files.createSymbolicLink(tmp.resolve("pipefifo"), fifo);
        assertRefused(tmp, "a symbolic link");
        assertTrue(Files.isSymbolicLink(tmp.resolve("pipefifo")));
    }

    @Test
    void aFolderIsRefused(@TempDir Path tmp) throws Exception {
        Files.createDirectory(tmp.resolve("pipefifo"));
        assertRefused(tmp, "a folder", "child");
        assertTrue(Files.isDirectory(tmp.resolve("pipefifo"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aRegularFileIsNotReadAsThePipe(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("pipefifo"), "Spam 000\n");
        assertRefused(tmp, "a regular file");
        assertEquals("Spam 000\n", Files.readString(file));
    }

    @Test
    void aSocketIsRefused(@TempDir Path tmp) throws Exception {
        Path socket = tmp.resolve("pipefifo");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertRefused(tmp, "a socket or a device", "child");
        }
        assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    }

    /** Runs NamedPipe with {@code args} against {@code tmp/pipefifo}: one line naming {@code kind}, status 2. */
    private static void assertRefused(Path tmp, String kind, String... args) {
        RealProcess.Result run = RealProcess.of(NamedPipe.class).timeout(LIMIT).jvm("-Djava.io.tmpdir=" + tmp)
                .args(args).run();
        assertEquals(2, run.code(), run.terminal());
        assertEquals("", run.out());
        assertEquals("NamedPipe: " + tmp.resolve("pipefifo") + " must be a FIFO (named pipe) or missing, and it is "
                + kind + "; left as it is (usage: NamedPipe [child])\n", run.err());
    }
}
