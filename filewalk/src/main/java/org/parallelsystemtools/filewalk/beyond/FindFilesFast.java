package org.parallelsystemtools.filewalk.beyond;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code FindPythonFiles} made fast: the same answer in the same layout, from a walker tuned for
 * a two-core machine and a 200,000-file tree (see the README's "Measured"). It walks on several
 * threads, skips the {@code lstat} of entries that cannot be folders (a folder's link count says
 * how many subfolders are left), and keeps only the files it prints.
 *
 * <p>Its speed needs JVM flags as much as code: {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
 * -Xmn32m} (the quick JIT tier only, the simplest collector, a small young heap that is not
 * faulted in page by page). {@code compare/compare.sh} runs it with them.
 */
public final class FindFilesFast {
    private static final String USAGE = "FindFilesFast [ROOT] [--ext .py] [--count 2] [--trace] [--threads 1..64]";

    private FindFilesFast() {
    }

    public static void main(String[] args) {
        // Python writes paths as UTF-8 even in a C locale; Java would write '?' for each non-ASCII
        // character there, so the output is UTF-8 explicitly (and buffered: one write at the end).
        PrintStream out = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        Options options = new Options("FindFilesFast", USAGE, args, "--ext", "--count", "--threads", "--trace!");
        String ext = options.text("--ext", ".py");
        int count = options.whole("--count", 2, 1, 10_000);
        int threads = options.whole("--threads", Math.min(64, Runtime.getRuntime().availableProcessors()), 1, 64);
        boolean trace = options.flag("--trace");
        List<String> rest = options.positional(1);
        Path root = root(options, rest.isEmpty() ? System.getProperty("user.home") : rest.get(0));
        print(root, ext, count, trace, threads, out);
        out.flush();
    }

    /** The walk and the two lists, after the options are checked. */
    static void print(Path root, String ext, int count, boolean trace, int threads, PrintStream out) {
        // With --trace one thread walks, so the trace comes in os.walk's order.
        TreeWalk walk = new TreeWalk(ext, count, trace ? out : null);
        walk.walk(root, trace ? 1 : threads);
        out.println(PythonPrettyPrint.pformat(walk.extremes.smallest()));
        out.println(PythonPrettyPrint.pformat(walk.extremes.largest()));
    }

    private static Path root(Options options, String name) {
        if (name.isBlank()) {
            return options.fail("ROOT must not be empty");
        }
        Path folder;
        try {
            folder = Path.of(name);
        } catch (InvalidPathException e) {
            return options.fail("not a usable folder name: '" + name + "'");
        }
        if (!Files.isDirectory(folder)) {
            return options.fail((Files.exists(folder) ? "not a folder: " : "no such folder: ") + name);
        }
        if (!Files.isReadable(folder)) {
            return options.fail("cannot read " + name + ": permission denied");
        }
        return folder;
    }
}
