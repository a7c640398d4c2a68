package org.parallelsystemtools.filewalk.beyond;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parallelsystemtools.filewalk.beyond.PythonPrettyPrint.Pair;

class FindFilesFastTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) { }

    /** FindFilesFast in this JVM: ROOT, then options (checked ones only: Options exits on bad ones). */
    static Result run(String root, String... options) {
        List<String> list = List.of(options);
        String ext = list.contains("--ext") ? list.get(list.indexOf("--ext") + 1) : ".py";
        int count = list.contains("--count") ? Integer.parseInt(list.get(list.indexOf("--count") + 1)) : 2;
        int threads = list.contains("--threads") ? Integer.parseInt(list.get(list.indexOf("--threads") + 1)) : 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FindFilesFast.print(Path.of(root), ext, count, list.contains("--trace"), threads, new PrintStream(out, true, UTF_8));
        return new Result(0, out.toString(UTF_8), "");
    }

    static Path file(Path path, int size) throws IOException {
        Files.createDirectories(path.getParent());
        return Files.write(path, new byte[size]);
    }

    // ---- the answer ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void answerEqualsSortingEveryFile(long trial) throws IOException {
        Random random = new Random(trial);
        Path root = tmp.resolve("tree");
        List<Path> folders = new ArrayList<>(List.of(Files.createDirectories(root)));
        String[] exts = {".py", ".txt", ".pyc", ".py.bak"};
        for (int i = 0; i < 200; i++) {
            Path parent = folders.get(random.nextInt(folders.size()));
            if (random.nextInt(6) == 0) {
                folders.add(Files.createDirectories(parent.resolve("d" + i)));
            } else {
                file(parent.resolve("f" + i + exts[random.nextInt(exts.length)]), random.nextInt(40));
            }
        }
        String ext = random.nextBoolean() ? ".py" : ".txt";
        int count = 1 + random.nextInt(5);
        List<Pair> all;
        try (Stream<Path> paths = Files.walk(root)) {
            all = paths.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(ext))
                    .map(p -> new Pair(p.toFile().length(), p.toString()))
                    .sorted(Comparator.comparingLong(Pair::size).thenComparing(Pair::path))
                    .toList();
        }
        for (int threads = 1; threads <= 2; threads++) {
            TreeWalk walk = new TreeWalk(ext, count, null);
            walk.walk(root, threads);
            assertEquals(all.subList(0, count), walk.extremes.smallest(), "threads " + threads);
            assertEquals(all.subList(all.size() - count, all.size()), walk.extremes.largest(), "threads " + threads);
        }
    }

    @Test
    void tiesInSizeAreOrderedByPathWhateverTheWalkOrder() throws IOException {
        Path root = tmp.resolve("ties");
        file(root.resolve("x.py"), 4);
        file(root.resolve("a.py"), 4);
        file(root.resolve("m/b.py"), 4);
        file(root.resolve("z.py"), 9);
        String expected = "[(4, '" + root + "/a.py'), (4, '" + root + "/m/b.py')]\n"
                + "[(4, '" + root + "/x.py'), (9, '" + root + "/z.py')]\n";
        for (String threads : List.of("1", "2", "1", "2")) {
            assertEquals(expected, unwrap(run(root.toString(), "--threads", threads).out()));
        }
    }

    /** The short paths above still wrap when the temporary folder's name is long: undo that. */
    private static String unwrap(String text) {
        return text.replace(",\n ", ", ");
    }

    // ---- the printed shape -----------------------------------------------------------------

    @Test
    void printsTwoListsLikePprintWithTheTraceBeforeThem() throws IOException {
        // pprint's layout depends on the lengths of the paths: make the root exactly 40 characters.
        Path root = tmp.resolve("t".repeat(Math.max(1, 40 - tmp.toString().length() - 1)));
        file(root.resolve("a.py"), 3);
        file(root.resolve("notes.txt"), 50);
        file(root.resolve("sub/b.py"), 1);
        String a = "'" + root + "/a.py'";
        String b = "'" + root + "/sub/b.py'";

        assertEquals("[(1, " + b + "),\n (3, " + a + ")]\n[(1, " + b + "),\n (3, " + a + ")]\n",
                run(root.toString()).out());
        assertEquals("[(1, " + b + ")]\n[(3, " + a + ")]\n", run(root.toString(), "--count", "1").out());
        assertEquals(root + "\n... a.py\n" + root + "/sub\n... b.py\n[(1, " + b + ")]\n[(3, " + a + ")]\n",
                run(root.toString(), "--count", "1", "--trace").out());
        assertEquals("[(50, '" + root + "/notes.txt')]\n[(50, '" + root + "/notes.txt')]\n",
                run(root.toString(), "--ext", ".txt").out());
    }

    @Test
    void anEmptyTreePrintsTwoEmptyLists() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(new Result(0, "[]\n[]\n", ""), run(root.toString()));
        file(root.resolve("only.txt"), 5);
        assertEquals(new Result(0, "[]\n[]\n", ""), run(root.toString()));
    }

    @Test
    void fewerMatchesThanCountPrintsWhatThereIs() throws IOException {
        Path root = tmp.resolve("few");
        file(root.resolve("only.py"), 7);
        assertEquals("[(7, '" + root + "/only.py')]\n[(7, '" + root + "/only.py')]\n",
                run(root.toString(), "--count", "5").out());
    }

    // ---- what a real home directory holds --------------------------------------------------

    @Test
    void linksCountWithTheirTargetsSizeAndLinkedFoldersAreNotEntered() throws IOException {
        Path root = tmp.resolve("links");
        file(root.resolve("a.py"), 5);
        file(root.resolve("sub/b.py"), 2);
        Files.createSymbolicLink(root.resolve("link.py"), Path.of("a.py"));
        Files.createSymbolicLink(root.resolve("sub/up"), Path.of(".."));          // a loop of folders
        Files.createSymbolicLink(root.resolve("linked"), Path.of("sub"));
        Files.createSymbolicLink(root.resolve("folder.py"), Path.of("sub"));
        Files.createSymbolicLink(root.resolve("broken.py"), Path.of("nowhere.py"));
        Files.createSymbolicLink(root.resolve("self.py"), Path.of("self.py"));    // a loop of links
        Files.createSymbolicLink(root.resolve("broken.txt"), Path.of("nowhere.txt"));

        String answer = "[(2, '" + root + "/sub/b.py'), (5, '" + root + "/a.py'), (5, '" + root + "/link.py')]\n";
        Result traced = run(root.toString(), "--count", "3", "--trace");
        assertEquals(0, traced.code());
        List<String> lines = Arrays.asList(traced.out().split("\n"));
        assertTrue(unwrap(traced.out()).endsWith(answer + answer), traced.out());
        assertEquals(unwrap(traced.out()).substring(unwrap(traced.out()).length() - 2 * answer.length()),
                unwrap(run(root.toString(), "--count", "3").out()), "with and without trace");
        assertTrue(lines.contains("skipped " + root + "/sub/up: link to a folder, not followed"), traced.out());
        assertTrue(lines.contains("skipped " + root + "/linked: link to a folder, not followed"), traced.out());
        assertTrue(lines.contains("skipped " + root + "/folder.py: link to a folder, not followed"), traced.out());
        assertTrue(lines.contains("skipped " + root + "/broken.py: broken link"), traced.out());
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(
                "skipped " + root + "/self.py: Too many levels of symbolic links")), traced.out());
        assertFalse(traced.out().contains("broken.txt"), "a broken link that is no match is no skip");
        assertEquals(List.of(root.toString(), root + "/sub"),
                lines.stream().filter(line -> line.startsWith("/")).toList(), "folders entered");
    }

    @Test
    void filesAndFoldersDeletedDuringTheWalkAreSkipped() throws IOException {
        Path root = tmp.resolve("vanishing");
        file(root.resolve("a.py"), 1);
        file(root.resolve("b.py"), 2);
        file(root.resolve("gone/c.py"), 3);
        // The folder has been listed when the first match is reported: delete the rest then.
        boolean[] deleted = {false};
        ByteArrayOutputStream trace = new ByteArrayOutputStream();
        PrintStream hook = new PrintStream(new LineHook(trace, line -> {
            if (line.startsWith("... ") && !deleted[0]) {
                deleted[0] = true;
                String other = line.equals("... a.py") ? "b.py" : "a.py";
                delete(root.resolve(other));
                delete(root.resolve("gone/c.py"));
                delete(root.resolve("gone"));
            }
        }), true, UTF_8);

        TreeWalk walk = new TreeWalk(".py", 2, hook);
        walk.walk(root, 1);

        List<String> lines = Arrays.asList(trace.toString(UTF_8).split("\n"));
        String kept = lines.get(1).substring(4);
        String other = kept.equals("a.py") ? "b.py" : "a.py";
        List<Pair> answer = List.of(new Pair(kept.equals("a.py") ? 1 : 2, root + "/" + kept));
        assertEquals(answer, walk.extremes.smallest());
        assertEquals(answer, walk.extremes.largest());
        assertTrue(lines.contains("skipped " + root + "/" + other + ": vanished during the walk"), lines.toString());
        assertTrue(lines.contains("skipped " + root + "/gone: vanished during the walk"), lines.toString());
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Passes each finished line to a callback, at the moment the program writes it. */
    private static final class LineHook extends OutputStream {
        private final ByteArrayOutputStream all;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final Consumer<String> onLine;

        LineHook(ByteArrayOutputStream all, Consumer<String> onLine) {
            this.all = all;
            this.onLine = onLine;
        }

        @Override
        public void write(int b) {
            all.write(b);
            if (b == '\n') {
                onLine.accept(line.toString(UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
