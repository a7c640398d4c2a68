package org.parallelsystemtools.filewalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parallelsystemtools.filewalk.FindPythonFiles.Found;

/** FindPythonFiles gives the listing's answer in pprint's layout, and survives a real home. */
class FindPythonFilesTest {

    @TempDir
    Path tmp;

    static Path file(Path path, int size) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.write(path, new byte[size]);
    }

    /** Each size chosen; the expected text is what the Python listing printed for this tree. */
    @Test
    void aKnownTreePrintsExactlyWhatThePythonListingPrints() throws IOException {
        Path home = tmp.resolve("home");
        file(home.resolve("z.py"), 1);
        file(home.resolve("it's.py"), 1);              // repr picks double quotes
        file(home.resolve("sub/m.py"), 1);             // three ties in size: the path decides
        file(home.resolve("sub/n.py"), 7);
        file(home.resolve("big.py"), 4000);
        file(home.resolve("notes.txt"), 9999);
        file(home.resolve("some/rather/deeply/nested/folder/that/makes/a/long/path/to/break/it.py"), 5000);
        Files.createSymbolicLink(home.resolve("link.py"), Path.of("big.py"));        // getsize follows it
        Files.createSymbolicLink(home.resolve("folder.py"), Path.of("sub"));         // a folder: not counted
        Files.createSymbolicLink(home.resolve("broken.txt"), Path.of("nowhere.txt"));

        RealProcess.Result run = RealProcess.of(FindPythonFiles.class).in(tmp).args("home").run();

        assertEquals(0, run.code(), run.terminal());
        assertEquals("", run.err());
        assertEquals("""
                [(1, "home/it's.py"), (1, 'home/sub/m.py')]
                [(4000, 'home/link.py'),
                 (5000,
                  'home/some/rather/deeply/nested/folder/that/makes/a/long/path/to/break/it.py')]
                """, run.out());
    }

    @Test
    void theAnswerIsWhatSortingEveryFileGives() throws IOException {
        PrintStream stdout = System.out;
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
                    file(parent.resolve("f" + i + exts[random.nextInt(exts.length)]), random.nextInt(40));
                }
            }
            List<Found> all;   // the listing: every (size, path), sorted
            try (Stream<Path> paths = Files.walk(root)) {
                all = paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".py"))
                        .map(p -> new Found(p.toFile().length(), p.toString()))
                        .sorted(Comparator.comparingLong(Found::size).thenComparing(Found::path)).toList();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                System.setOut(new PrintStream(out, true, UTF_8));
                FindPythonFiles.main(new String[] {root.toString()});
            } finally {
                System.setOut(stdout);
            }
            assertTrue(all.size() > 30, all.size() + " files");
            assertEquals(FindPythonFiles.pprint(all.subList(0, 2)) + "\n"
                    + FindPythonFiles.pprint(all.subList(all.size() - 2, all.size())) + "\n", out.toString(UTF_8));
        }
    }

    @Test
    void aHostileTreeIsWalkedToTheEndWithEverySkipTraced() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        file(home.resolve("a.py"), 3);
        file(home.resolve("secret/hidden.py"), 1);
        Files.createSymbolicLink(home.resolve("link.py"), Path.of("a.py"));
        Files.createSymbolicLink(home.resolve("broken.py"), Path.of("nowhere.py"));
        Files.createSymbolicLink(home.resolve("self.py"), Path.of("self.py"));        // a loop of links
        Files.createSymbolicLink(home.resolve("up"), Path.of(".."));                  // not entered
        // A Latin-1 name (not UTF-8), made by the shell: Java cannot make it from a String.
        sh(home, "printf 12345 > \"$(printf 'r\\351sum\\351.py')\"");
        Files.setPosixFilePermissions(home.resolve("secret"), PosixFilePermissions.fromString("---------"));
        AsNobody.Result run;
        try {
            // Relative paths, as a reader types them: the answer names home/..., whoever may read
            // the folders above.
            run = AsNobody.run(tmp, tmp, FindPythonFiles.class, "-Dtrace=true", "home");
        } finally {
            Files.setPosixFilePermissions(home.resolve("secret"), PosixFilePermissions.fromString("rwx------"));
        }
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        List<String> lines = List.of(run.out().split("\n"));
        assertTrue(lines.contains("skipped home/secret (AccessDeniedException)"), run.out());
        assertTrue(lines.contains("... broken.py") && lines.contains("skipped home/broken.py (NoSuchFileException)"), run.out());
        assertTrue(lines.contains("skipped home/self.py (FileSystemException)"), run.out());
        // A byte that is no UTF-8 reaches Java as U+FFFD, where Python keeps '\udce9' (README).
        assertTrue(lines.contains("... r\uFFFDsum\uFFFD.py"), run.out());
        assertEquals(List.of("[(3, 'home/a.py'), (3, 'home/link.py')]", "[(3, 'home/link.py'), (5, 'home/r\uFFFDsum\uFFFD.py')]"),
                lines.subList(lines.size() - 2, lines.size()));
        assertEquals(List.of("home"), lines.stream().filter(l -> l.startsWith("home")).toList(), "folders entered");
    }

    @Test
    void aBadArgumentIsOneLineAndExitStatusTwo() throws IOException {
        file(tmp.resolve("notes.txt"), 1);
        String usage = " (usage: FindPythonFiles [folder])\n";
        Map<List<String>, String> expected = Map.of(
                List.of("/nonexistent"), "no such folder: /nonexistent",
                List.of(""), "not ''",
                List.of("notes.txt"), "not 'notes.txt'",
                List.of(".", "."), "not '. .'");
        Map<List<String>, RealProcess.Running> runs = new HashMap<>();   // four JVMs at once
        expected.keySet().forEach(args -> runs.put(args,
                RealProcess.of(FindPythonFiles.class).in(tmp).args(args.toArray(String[]::new)).start()));
        expected.forEach((args, message) -> {
            RealProcess.Result run = runs.get(args).finish();
            assertEquals(List.of(2, "", "FindPythonFiles: expected one folder you may read, " + message + usage),
                    List.of(run.code(), run.out(), run.err()), args.toString());
        });
    }

    private static void sh(Path folder, String script) throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", script).directory(folder.toFile()).start();
        assertTrue(sh.waitFor(10, TimeUnit.SECONDS) && sh.exitValue() == 0);
    }
}
