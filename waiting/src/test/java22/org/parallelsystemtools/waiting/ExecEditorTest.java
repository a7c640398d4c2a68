package org.parallelsystemtools.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.parallelsystemtools.waiting.beyond.ExecEditor;

/**
 * ExecEditor turns its own JVM into the editor with execvp: the editor has the JVM's pid, and its
 * parent is whoever started the JVM (this test), where DownloadAndEdit's editor is the JVM's child.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExecEditorTest {

    private static final String PAGE = "<html><body>Fig. 18.7 was here</body></html>\n";

    private HttpServer server;
    private String url;

    @BeforeEach
    void serveThePage() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/page.html", exchange -> {
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/page.html";
    }

    @AfterEach
    void stopServing() {
        server.stop(0);
    }

    @Test
    void theEditorTakesOverTheJvmsPid(@TempDir Path dir) throws IOException {
        // the editor stand-in: says which pid it runs as and whose child it is, edits, ends with 5
        Path editor = dir.resolve("editor.sh");
        Files.writeString(editor, "#!/bin/sh\necho \"editor: pid $$, parent $PPID\"\necho edited >> \"$1\"\nexit 5\n");
        assertTrue(editor.toFile().setExecutable(true));
        Path file = dir.resolve("page.html");
        RealProcess.Running running = program().args("--editor", editor.toString(), url, file.toString()).start();
        RealProcess.Result run = running.closeStdin().finish();
        assertEquals(5, run.code(), "the editor's status is the process's: " + run.terminal());
        long pid = running.pid();
        assertEquals(List.of("ExecEditor: pid " + pid + " becomes: " + editor + " " + file,
                "editor: pid " + pid + ", parent " + ProcessHandle.current().pid()), run.outLines(), run.terminal());
        assertFalse(run.terminal().contains("This line never executes."), run.terminal());
        assertEquals(PAGE + "edited\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void anEditorThatCannotBeStartedIsOneLine(@TempDir Path dir) {
        Path file = dir.resolve("page.html");
        RealProcess.Result run = program().args("--editor", dir.resolve("no-such-editor").toString(), url, file.toString()).run();
        assertEquals(1, run.code(), run.terminal());
        assertEquals("ExecEditor: cannot exec " + dir.resolve("no-such-editor")
                + ": execvp returned -1, errno 2 (No such file or directory)\n", run.err());
        assertFalse(run.out().contains("This line never executes."), run.out());
    }

    /** A program run with room for a machine so busy that a JVM takes seconds to start. */
    private static RealProcess program() {
        return RealProcess.of(ExecEditor.class).jvm("--enable-native-access=ALL-UNNAMED").timeout(Duration.ofSeconds(90));
    }
}
