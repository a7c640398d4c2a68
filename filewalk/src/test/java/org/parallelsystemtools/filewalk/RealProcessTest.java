package org.parallelsystemtools.filewalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs a real process: another user, another locale, main's exit code. */
class RealProcessTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) { }

    @AfterEach
    void noProcessLeftBehind() {
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    @Test
    void anUnreadableFolderIsSkippedAndTheWalkGoesOn() throws Exception {
        Path root = tmp.resolve("home");
        Files.createDirectories(root.resolve("secret"));
        Files.write(root.resolve("a.py"), new byte[3]);
        Files.write(root.resolve("secret/hidden.py"), new byte[1]);
        Files.setPosixFilePermissions(root.resolve("secret"), PosixFilePermissions.fromString("---------"));
        Result result;
        try {
            if (isRoot()) {
                // Root ignores permission bits, so a test run as root (as CI does) makes the kernel
                // refuse for real by running the program as the unprivileged user "nobody".
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path classes = copyOfClasses(tmp.resolve("classes"));
                result = java(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                        Map.of(), classes, root.toString(), "--trace");
            } else {
                result = inProcess(root.toString(), "--trace");
            }
        } finally {
            Files.setPosixFilePermissions(root.resolve("secret"), PosixFilePermissions.fromString("rwx------"));
        }
        String answer = "[(3, '" + root + "/a.py')]\n";
        assertEquals(new Result(0, result.out(), ""), result);
        assertTrue(result.out().endsWith(answer + answer), result.out());
        assertTrue(result.out().contains("\nskipped " + root + "/secret: permission denied\n"), result.out());
    }

    @Test
    void namesThatAreNotUtf8AreFoundAndShownAsPythonShowsThemInAnyLocale() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("names"));
        // Java cannot make such a name from a String, so the shell writes the bytes:
        // caf\351.py is Latin-1 (not UTF-8), caf\303\251.py is café.py in UTF-8.
        Process sh = new ProcessBuilder("sh", "-c",
                "printf 12345 > \"$(printf 'caf\\351.py')\"; printf 1 > \"$(printf 'caf\\303\\251.py')\"")
                .directory(root.toFile()).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0);
        String expected = "[(1, '" + root + "/café.py'), (5, '" + root + "/caf\\udce9.py')]\n";
        expected = expected + expected;

        assertEquals(expected, unwrap(inProcess(root.toString()).out()));
        // In a C locale the JVM decodes names as ASCII (sun.jnu.encoding=ANSI_X3.4-1968): even
        // café.py comes back with replacement characters, yet the output must be the same.
        Path classes = Path.of(FindPythonFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Result cLocale = java(List.of(), Map.of("LC_ALL", "C", "LANG", "C"), classes, root.toString());
        assertEquals(new Result(0, expected, ""), new Result(cLocale.code(), unwrap(cLocale.out()), cLocale.err()));
    }

    @Test
    void mainExitsWithCode2AndOneLineForABadArgument() throws Exception {
        Path classes = Path.of(FindPythonFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(new Result(2, "", "FindPythonFiles: --count needs a whole number of at least 1, got -1\n"),
                java(List.of(), Map.of(), classes, tmp.toString(), "--count", "-1"));
    }

    private static String unwrap(String text) {
        return text.replace(",\n ", ", ");
    }

    private static Result inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FindPythonFiles.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Result(code, out.toString(UTF_8), err.toString(UTF_8));
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    /** The compiled classes, copied where the user "nobody" may read them. */
    private static Path copyOfClasses(Path target) throws Exception {
        Path classes = Path.of(FindPythonFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path from : (Iterable<Path>) files::iterator) {
                Files.copy(from, target.resolve(classes.relativize(from).toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** Runs FindPythonFiles in a new JVM (after the given command prefix) and collects everything. */
    private Result java(List<String> prefix, Map<String, String> env, Path classes, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData",
                "-cp", classes.toString(), FindPythonFiles.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the program did not end");
            return new Result(process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
