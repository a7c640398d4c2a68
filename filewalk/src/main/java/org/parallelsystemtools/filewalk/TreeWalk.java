package org.parallelsystemtools.filewalk;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
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
 * The walk of {@link FindPythonFiles}: os.walk plus os.path.getsize, made to survive a real home.
 * A folder it cannot read, an entry that vanished, a broken link or a loop of links is skipped
 * (and reported when tracing) instead of ending the walk; linked folders are not entered.
 */
final class TreeWalk {
    private final String ext;
    private final PrintStream trace;                 // null: no trace
    final Extremes extremes;

    TreeWalk(String ext, int count, PrintStream trace) {
        this.ext = ext;
        this.trace = trace;
        this.extremes = new Extremes(count);
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
}
