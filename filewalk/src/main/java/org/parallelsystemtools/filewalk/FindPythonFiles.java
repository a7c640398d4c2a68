package org.parallelsystemtools.filewalk;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The seed's program in Java: walk a tree (default: the user's home), keep the {@code *.py} files
 * and print the two smallest and the two largest as Python's pprint would.
 *
 * <pre>usage: FindPythonFiles [ROOT] [--ext .py] [--count 2] [--trace] [--threads N]</pre>
 *
 * Unlike the seed it keeps only the files it will print (two bounded heaps, {@link Extremes}),
 * walks on every core, and survives what a real home holds ({@link TreeWalk}); {@code --trace}
 * reports every folder, every match and every skip.
 */
public final class FindPythonFiles {
    private FindPythonFiles() { }

    public static void main(String[] args) {
        // Python writes paths as UTF-8 even in a C locale; Java would write '?' for each non-ASCII
        // character there, so both streams are UTF-8 explicitly.
        PrintStream out = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The whole program without System.exit: returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("FindPythonFiles: " + e.getMessage());
            return 2;
        }
        // With --trace one thread walks, so the trace comes in os.walk's order.
        TreeWalk walk = new TreeWalk(options.ext(), options.count(), options.trace() ? out : null);
        walk.walk(options.root(), options.trace() ? 1 : options.threads());
        out.println(PythonPrettyPrint.pformat(walk.extremes.smallest()));
        out.println(PythonPrettyPrint.pformat(walk.extremes.largest()));
        return 0;
    }

    /** The command line, checked before any walking starts. */
    record Options(Path root, String ext, int count, boolean trace, int threads) {
        static Options parse(String[] args) {
            String root = null;
            String ext = ".py";
            int count = 2;
            boolean trace = false;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--ext" -> ext = value(args, ++i, "--ext");
                    case "--count" -> count = positive(value(args, ++i, "--count"), "--count");
                    case "--threads" -> threads = positive(value(args, ++i, "--threads"), "--threads");
                    case "--trace" -> trace = true;
                    default -> {
                        if (args[i].startsWith("-")) {
                            throw new IllegalArgumentException("unknown option " + args[i]
                                    + " (usage: FindPythonFiles [ROOT] [--ext .py] [--count 2] [--trace] [--threads N])");
                        }
                        if (root != null) {
                            throw new IllegalArgumentException("one ROOT folder only, got " + root + " and " + args[i]);
                        }
                        root = args[i];
                    }
                }
            }
            Path folder;
            try {
                folder = Path.of(root != null ? root : System.getProperty("user.home"));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a usable folder name: " + root);
            }
            if (!Files.exists(folder)) {
                throw new IllegalArgumentException("no such folder: " + folder);
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("not a folder: " + folder);
            }
            return new Options(folder, ext, count, trace, threads);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static int positive(String text, String option) {
            try {
                int n = Integer.parseInt(text);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // same message as a number below one
            }
            throw new IllegalArgumentException(option + " needs a whole number of at least 1, got " + text);
        }
    }
}
