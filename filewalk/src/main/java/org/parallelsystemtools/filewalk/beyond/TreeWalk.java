package org.parallelsystemtools.filewalk.beyond;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The walk of {@link FindFilesFast}: os.walk plus os.path.getsize, made to survive a real home.
 * A folder it cannot read, an entry that vanished, a broken link or a loop of links is skipped
 * (and reported when tracing) instead of ending the walk; linked folders are not entered.
 */
final class TreeWalk {
    /** A folder's subfolder count when its link count says nothing (btrfs, Windows, --trace). */
    private static final long UNKNOWN = Long.MAX_VALUE;
    /** What the "unix" view gives in one lstat: the entry's type and its link count. */
    private static final String TYPE_AND_LINKS = "unix:isDirectory,isSymbolicLink,nlink";

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
        Folder top = new Folder(root, countSubfolders(root));
        if (threads == 1) {
            walkInOrder(top);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.invoke(new FolderTask(top));
        } finally {
            pool.shutdown();
        }
    }

    /** A folder still to list, and how many subfolders its link count says it has. */
    private record Folder(Path path, long subfolders) { }

    private void walkInOrder(Folder folder) {
        for (Folder subfolder : scan(folder)) {
            walkInOrder(subfolder);
        }
    }

    /** Each folder is a task; its subfolders become new tasks that idle threads steal. */
    private final class FolderTask extends RecursiveAction {
        private final Folder folder;

        FolderTask(Folder folder) {
            this.folder = folder;
        }

        @Override
        protected void compute() {
            List<FolderTask> subtasks = new ArrayList<>();
            for (Folder subfolder : scan(folder)) {
                subtasks.add(new FolderTask(subfolder));
            }
            invokeAll(subtasks);
        }
    }

    /** Lists one folder, offers its matching files to the heaps, returns its subfolders. */
    private List<Folder> scan(Folder folder) {
        List<Folder> subfolders = new ArrayList<>();
        if (trace != null) {
            trace.println(Names.display(folder.path()));
        }
        // With trace on, every entry is looked at, so that each linked folder is reported.
        long unseenFolders = trace != null ? UNKNOWN : folder.subfolders();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
            for (Path entry : entries) {
                boolean matches = entry.toString().endsWith(ext);   // no Path made for the name
                if (!matches && unseenFolders == 0) {
                    continue;                            // no folder left here: skip its stat
                }
                try {
                    Folder subfolder = matches ? lookAt(entries, entry, true) : lookForFolder(entries, entry);
                    if (subfolder != null) {
                        subfolders.add(subfolder);
                        unseenFolders--;
                    }
                } catch (IOException e) {
                    skip(entry, e);                      // e.g. deleted since the folder was listed
                }
            }
        } catch (IOException e) {
            skip(folder.path(), e);                      // e.g. a folder we may not read
        } catch (DirectoryIteratorException e) {
            skip(folder.path(), e.getCause());
        }
        return subfolders;
    }

    /** One entry: a matching file goes to the heaps; a folder is returned, to be listed later. */
    private Folder lookAt(DirectoryStream<Path> entries, Path entry, boolean matches) throws IOException {
        BasicFileAttributes attrs = lstat(entries, entry);
        if (attrs.isDirectory()) {
            return new Folder(entry, UNKNOWN);           // rare: a folder named like x.py
        }
        if (attrs.isSymbolicLink()) {
            followLink(entry, matches);
        } else if (matches) {
            found(entry, attrs.size());
        }
        return null;
    }

    /**
     * An entry looked at only because it might be a folder. The "unix" view gives its type and its
     * link count in one lstat, so a folder found here needs no stat of its own before it is listed.
     */
    private Folder lookForFolder(DirectoryStream<Path> entries, Path entry) throws IOException {
        Map<String, Object> attrs;
        try {
            attrs = Files.readAttributes(entry, TYPE_AND_LINKS, LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException e) {
            return lookAt(entries, entry, false);        // no "unix" view (Windows): no count
        }
        if ((Boolean) attrs.get("isDirectory")) {
            return new Folder(entry, subfoldersFromLinks((Integer) attrs.get("nlink")));
        }
        if ((Boolean) attrs.get("isSymbolicLink")) {
            followLink(entry, false);                    // reported when tracing if it links to a folder
        }
        return null;
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
     * Only the root needs this stat of its own: every other folder's count comes with the lstat
     * that found it ({@link #lookForFolder}).
     */
    private static long countSubfolders(Path folder) {
        try {
            return subfoldersFromLinks((Integer) Files.getAttribute(folder, "unix:nlink"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    private static long subfoldersFromLinks(int links) {
        return links >= 2 ? links - 2 : UNKNOWN;
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
        skipLine(path, Names.reason(path, e));
    }

    private void skipLine(Path path, String reason) {
        if (trace != null) {
            trace.println("skipped " + Names.display(path) + ": " + reason);
        }
    }
}
