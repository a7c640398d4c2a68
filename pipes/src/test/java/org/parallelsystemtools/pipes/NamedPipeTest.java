package org.parallelsystemtools.pipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamedPipeTest {
    @TempDir
    Path dir;

    @AfterEach
    void noChildLeft() {
        Runs.assertNoChildren();
    }

    @Test
    void messagesCrossBetweenTwoProcessesAndTheFifoIsRemoved() throws Exception {
        Path fifo = dir.resolve("spam.fifo");
        Path readerOut = dir.resolve("reader.txt");
        Path writerOut = dir.resolve("writer.txt");
        Process reader = Relaunch.javaProcess(NamedPipe.class, "--reader", fifo.toString())
                .redirectOutput(readerOut.toFile()).start();
        Process writer = Relaunch.javaProcess(NamedPipe.class, "--writer", fifo.toString(), "--count", "6", "--scale", "0")
                .redirectOutput(writerOut.toFile()).start();
        try {
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS) && reader.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, writer.exitValue());
            assertEquals(0, reader.exitValue());
        } finally {
            Relaunch.stop(writer);
            Relaunch.stop(reader);
        }
        Pattern got = Pattern.compile("Reader (\\d+) got \\[(Spam \\d{3}) from (\\d+)\\] at \\d+\\.\\d{6}");
        List<String> messages = Files.readAllLines(readerOut).stream()
                .map(got::matcher).filter(Matcher::matches)
                .peek(m -> assertEquals(reader.pid(), Long.parseLong(m.group(1))))
                .peek(m -> assertEquals(writer.pid(), Long.parseLong(m.group(3)), "the writer's pid crossed the FIFO"))
                .map(m -> m.group(2)).toList();
        assertEquals(Runs.spam(6, "\n").lines().toList(), messages);
        assertTrue(Files.readAllLines(writerOut).contains("Writer " + writer.pid() + " sent 6 messages"));
        assertFalse(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS), "the side that made the FIFO removed it");
    }

    @Test
    void demoRunsBothSidesAsProcessesAndRemovesTheFifo() {
        Runs.Result r = Runs.run(NamedPipe::run, "--count", "3", "--scale", "0");
        assertEquals(0, r.code(), r.err());
        List<String> got = r.out().stream().filter(l -> l.matches("Reader \\d+ got \\[Spam \\d{3} from \\d+\\] at .*"))
                .map(l -> l.replaceAll(".*\\[(Spam \\d{3}) .*", "$1")).toList();
        assertEquals(List.of("Spam 000", "Spam 001", "Spam 002"), got);
        Matcher removed = Pattern.compile("Parent \\d+ removed (.*): gone").matcher(r.last());
        assertTrue(removed.matches(), r.last());
        assertFalse(Files.exists(Path.of(removed.group(1)), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPlainFileIsNotUsedAsAFifo() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "keep me");
        Runs.Result r = Runs.run(NamedPipe::run, "--writer", plain.toString());
        assertEquals(1, r.code());
        assertEquals("NamedPipe: " + plain + " exists and is not a FIFO", r.err().strip());
        assertEquals("keep me", Files.readString(plain));
    }

    @Test
    void readerAndWriterTogetherIsAUsageError() {
        Runs.Result r = Runs.run(NamedPipe::run, "--reader", "a", "--writer", "b");
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("NamedPipe: --reader and --writer are two separate programs"), r.err());
    }
}
