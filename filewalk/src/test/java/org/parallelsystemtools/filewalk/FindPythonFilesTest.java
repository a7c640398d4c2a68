package org.parallelsystemtools.filewalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallelsystemtools.filewalk.PythonPrettyPrint.Pair;

/** FindPythonFiles gives the listing's answer, keeps only what it prints, and survives a real home. */
class FindPythonFilesTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) { }

    /** A TreeSet that remembers the most entries it ever held. */
    static final class Watched extends TreeSet<Pair> {
        int most;

        @Override
        public boolean add(Pair pair) {
            boolean added = super.add(pair);
            most = Math.max(most, size());
            return added;
        }
    }

    @Test
    void theAnswerIsWhatSortingEveryFileGivesYetOnlyThreeEntriesAreEverHeld() throws IOException {
        for (long trial = 1; trial <= 4; trial++) {
            Random random = new Random(trial);
            Path root = Files.createDirectories(tmp.resolve("tree" + trial));
            List<Path> folders = new ArrayList<>(List.of(root));
            String[] exts = {".py", ".txt", ".pyc", ".py.bak"};
            for (int i = 0; i < 300; i++) {
                Path parent = folders.get(random.nextInt(folders.size()));
                if (random.nextInt(6) == 0) {
                    folders.add(Files.createDirectories(parent.resolve("d" + i)));
                } else {
                    Files.write(parent.resolve("f" + i + exts[random.nextInt(exts.length)]), new byte[random.nextInt(40)]);
                }
            }
            List<Pair> all;   // the listing: every (size, path), sorted
            try (Stream<Path> paths = Files.walk(root)) {
                all = paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".py"))
                        .map(p -> new Pair(p.toFile().length(), p.toString()))
                        .sorted(Comparator.comparingLong(Pair::size).thenComparing(Pair::path)).toList();
            }
            Watched smallest = new Watched();
            Watched largest = new Watched();
            FindPythonFiles.walk(root, smallest, largest);
            assertEquals(all.subList(0, 2), List.copyOf(smallest));
            assertEquals(all.subList(all.size() - 2, all.size()), List.copyOf(largest));
            assertTrue(all.size() > 30 && smallest.most == 3 && largest.most == 3,
                    all.size() + " files, at most " + smallest.most + " and " + largest.most + " held");
        }
    }

    @Test
    void aHostileTreeIsWalkedToTheEndWithEverySkipTraced() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("home"));
        Files.write(root.resolve("a.py"), new byte[3]);
        Files.createDirectories(root.resolve("secret"));
        Files.write(root.resolve("secret/hidden.py"), new byte[1]);
        Files.createSymbolicLink(root.resolve("link.py"), Path.of("a.py"));           // counts a.py's size
        Files.createSymbolicLink(root.resolve("broken.py"), Path.of("nowhere.py"));
        Files.createSymbolicLink(root.resolve("self.py"), Path.of("self.py"));        // a loop of links
        Files.createSymbolicLink(root.resolve("up"), Path.of(".."));                  // not entered
        // A Latin-1 name (not UTF-8), made by the shell: Java cannot make it from a String.
        sh(root, "printf 12345 > \"$(printf 'r\\351sum\\351.py')\"");
        Files.setPosixFilePermissions(root.resolve("secret"), PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result run;
        try {
            // Root ignores permission bits: run as the user "nobody" so the kernel really refuses,
            // and in a C locale, where the JVM decodes file names as ASCII.
            run = java(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"),
                    Map.of("LC_ALL", "C", "LANG", "C"), copyOfClasses(tmp.resolve("classes")), "-Dtrace=true", root.toString());
        } finally {
            Files.setPosixFilePermissions(root.resolve("secret"), PosixFilePermissions.fromString("rwx------"));
        }
        assertEquals(0, run.code(), run.err());
        List<String> lines = List.of(run.out().replace(",\n ", ", ").split("\n"));
        assertTrue(lines.contains("skipped " + root + "/secret: permission denied"), run.out());
        assertTrue(lines.contains("skipped " + root + "/broken.py: broken link"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("skipped " + root + "/self.py: Too many levels")), run.out());
        // A byte that is no UTF-8 cannot be printed as text: '?' in the trace, Python's escape in the answer.
        assertTrue(lines.contains("... r?sum?.py"), run.out());
        String answer = "[(3, '" + root + "/a.py'), (3, '" + root + "/link.py')]";
        assertEquals(answer, lines.get(lines.size() - 2));
        assertEquals("[(3, '" + root + "/link.py'), (5, '" + root + "/r\\udce9sum\\udce9.py')]", lines.get(lines.size() - 1));
        assertEquals(List.of(root.toString()), lines.stream().filter(l -> l.startsWith("/")).toList(), "folders entered");
    }

    @Test
    void anUnwalkableRootOrAnEmptyNameIsOneLineOnStderr() throws Exception {
        Path classes = Path.of(FindPythonFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path missing = tmp.resolve("missing");
        assertEquals(new Result(1, "", "FindPythonFiles: cannot walk " + missing + ": vanished during the walk\n"),
                java(List.of(), Map.of(), classes, missing.toString()));
        assertEquals(new Result(2, "", "FindPythonFiles: the folder name is empty\n"), java(List.of(), Map.of(), classes, ""));
    }

    private static void sh(Path folder, String script) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", script).directory(folder.toFile()).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0);
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

    /** FindPythonFiles in a new JVM, after a command prefix and with extra environment. */
    private Result java(List<String> prefix, Map<String, String> env, Path classes, String... args) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData"));
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty() && rest.get(0).startsWith("-D")) {
            command.add(rest.remove(0));
        }
        command.addAll(List.of("-cp", classes.toString(), FindPythonFiles.class.getName()));
        command.addAll(rest);
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
