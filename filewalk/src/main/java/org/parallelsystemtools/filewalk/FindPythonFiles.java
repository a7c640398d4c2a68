package org.parallelsystemtools.filewalk;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The seed's program in Java: walk a tree (default: the user's home), keep the {@code *.py} files
 * and print the two smallest and the two largest as Python's pprint would.
 *
 * <pre>usage: FindPythonFiles [ROOT] [--ext .py] [--count 2] [--trace] [--threads N]</pre>
 *
 * Unlike the seed it keeps only the files it will print (two bounded heaps, see {@link Extremes}),
 * walks on every core, and survives what a real home holds; {@code --trace} reports every skip.
 */
public final class FindPythonFiles {
    private final String ext;
    private final PrintStream trace;                 // null: no trace
    final Extremes extremes;

    FindPythonFiles(String ext, int count, PrintStream trace) {
        this.ext = ext;
        this.trace = trace;
        this.extremes = new Extremes(count);
    }

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
        FindPythonFiles walk = new FindPythonFiles(options.ext(), options.count(), options.trace() ? out : null);
        walk.walk(options.root(), options.trace() ? 1 : options.threads());
        out.println(PythonPrettyPrint.pformat(walk.extremes.smallest()));
        out.println(PythonPrettyPrint.pformat(walk.extremes.largest()));
        return 0;
    }

    /** os.walk is one loop; here one thread walks in os.walk's order, more split the folders. */
    void walk(Path root, int threads) {
        if (threads == 1) {
            walkInOrder(root);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.invoke(new FolderTask(root));
        } finally {
            pool.shutdown();
        }
    }

    private void walkInOrder(Path folder) {
        for (Path subfolder : scan(folder)) {
            walkInOrder(subfolder);
        }
    }

    /** Each folder is a task; its subfolders become new tasks that idle threads steal. */
    private final class FolderTask extends RecursiveAction {
        private final Path folder;

        FolderTask(Path folder) {
            this.folder = folder;
        }

        @Override
        protected void compute() {
            List<FolderTask> subtasks = new ArrayList<>();
            for (Path subfolder : scan(folder)) {
                subtasks.add(new FolderTask(subfolder));
            }
            invokeAll(subtasks);
        }
    }

    /** Lists one folder, offers its matching files to the heaps, returns its subfolders. */
    private List<Path> scan(Path folder) {
        List<Path> subfolders = new ArrayList<>();
        if (trace != null) {
            trace.println(Names.display(folder));
        }
        // With trace on, every entry is looked at, so that each linked folder is reported.
        long unseenFolders = trace != null ? Long.MAX_VALUE : countSubfolders(folder);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                boolean matches = entry.toString().endsWith(ext);   // no Path made for the name
                if (!matches && unseenFolders == 0) {
                    continue;                            // no folder left here: skip its stat
                }
                try {
                    BasicFileAttributes attrs = lstat(entries, entry);
                    if (attrs.isDirectory()) {
                        subfolders.add(entry);
                        unseenFolders--;
                    } else if (attrs.isSymbolicLink()) {
                        followLink(entry, matches);
                    } else if (matches) {
                        found(entry, attrs.size());
                    }
                } catch (IOException e) {
                    skip(entry, e);                      // e.g. deleted since the folder was listed
                }
            }
        } catch (IOException e) {
            skip(folder, e);                             // e.g. a folder we may not read
        } catch (DirectoryIteratorException e) {
            skip(folder, e.getCause());
        }
        return subfolders;
    }

    /**
     * The entry's own attributes: a link is seen as a link, so a linked folder is never entered.
     * On Linux the stream is a SecureDirectoryStream holding the folder open, and asking it by
     * name (fstatat) spares the kernel from resolving the whole path again for every entry.
     */
    private static BasicFileAttributes lstat(DirectoryStream<Path> entries, Path entry) throws IOException {
        if (entries instanceof SecureDirectoryStream<Path> open) {
            return open.getFileAttributeView(entry.getFileName(), BasicFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS).readAttributes();
        }
        return Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * How many subfolders {@code folder} has, from its link count: its name in its parent, its own
     * "." and each subfolder's "..". os.walk and find learn each entry's type from readdir (d_type);
     * Java's DirectoryStream does not pass it on, so without this count every entry would need a
     * stat of its own. This is find's old "leaf optimization". Filesystems that do not keep the
     * count (btrfs, some network ones) report 1; then, as off Unix, every entry is looked at.
     */
    private static long countSubfolders(Path folder) {
        try {
            int links = (Integer) Files.getAttribute(folder, "unix:nlink");
            return links >= 2 ? links - 2 : Long.MAX_VALUE;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Like os.path.getsize, a link to a file counts with its target's size. */
    private void followLink(Path link, boolean matches) throws IOException {
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            if (matches) {
                skip(link, e);                           // broken link or a loop of links
            }
            return;
        }
        if (target.isDirectory()) {
            skipLine(link, "link to a folder, not followed");
        } else if (matches) {
            found(link, target.size());
        }
    }

    private void found(Path file, long size) {
        extremes.offer(size, file);
        if (trace != null) {
            trace.println("... " + Names.display(file.getFileName()));
        }
    }

    private void skip(Path path, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = Files.isSymbolicLink(path) ? "broken link" : "vanished during the walk";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            reason = fse.getReason();                    // e.g. "Too many levels of symbolic links"
        } else {
            reason = e.toString();
        }
        skipLine(path, reason);
    }

    private void skipLine(Path path, String reason) {
        if (trace != null) {
            trace.println("skipped " + Names.display(path) + ": " + reason);
        }
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
