package org.parallelsystemtools.filewalk;

import java.io.IOException;
import java.nio.file.*;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.*;

/** Lutz's bigpy-tree.py. Walk a whole tree and keep the two smallest and two largest Python files. */
public final class FindPythonFiles {
    static final boolean TRACE = Boolean.getBoolean("trace");   // trace = False: -Dtrace=true, no edit

    record Found(long size, String path) { }   // sorted by UTF-16 unit, where Python's str sorts by code point

    public static void main(String[] args) throws IOException {
        Path dirname = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home"));
        if (args.length > 1 || dirname.toString().isEmpty() || !Files.isDirectory(dirname) || !Files.isReadable(dirname)) {
            System.err.println("FindPythonFiles: expected one folder you may read, " + (Files.exists(dirname)
                    ? "not '" + String.join(" ", args) + "'" : "no such folder: " + dirname) + " (usage: FindPythonFiles [folder])");
            System.exit(2);   // os.walk yields nothing: the listing would print [] [], as for no Python files
        }
        TreeSet<Found> allsizes = new TreeSet<>(Comparator.comparingLong(Found::size).thenComparing(Found::path));
        Files.walkFileTree(dirname, new SimpleFileVisitor<>() {   // enters a subfolder when met: os.walk lists files first
            @Override public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                if (TRACE) System.out.println(folder);   // a non-UTF-8 byte shows as U+FFFD, in Python as a surrogate escape
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (!file.getFileName().toString().endsWith(".py")) return FileVisitResult.CONTINUE;
                if (Files.isDirectory(file)) return FileVisitResult.CONTINUE;   // a link to a folder: os.walk's sub_folders
                if (TRACE) System.out.println("... " + file.getFileName());
                try {   // getsize follows a link (and raises for a broken one); the walk's attributes are the link's own
                    allsizes.add(new Found(attributes.isSymbolicLink() ? Files.size(file) : attributes.size(), file.toString()));
                } catch (IOException brokenOrLooping) {
                    return visitFileFailed(file, brokenOrLooping);
                }
                if (allsizes.size() > 4) allsizes.remove(List.copyOf(allsizes).get(2));
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult visitFileFailed(Path entry, IOException e) {   // os.walk skips these silently
                if (TRACE) System.out.println("skipped " + entry + " (" + e.getClass().getSimpleName() + ")");
                return FileVisitResult.CONTINUE;
            }
            @Override public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                return e == null ? FileVisitResult.CONTINUE : visitFileFailed(folder, e);
            }
        });
        System.out.println(pprint(allsizes.stream().limit(2).toList()));
        System.out.println(pprint(allsizes.stream().skip(Math.max(0, allsizes.size() - 2)).toList()));
    }

    static String pprint(List<Found> list) {   // the JDK has no pprint: its width-80 layout, as these tuples need it
        List<String> tuples = list.stream().map(f -> "(" + f.size() + ", " + repr(f.path()) + ")")
                .map(t -> t.codePoints().count() <= 78 ? t : t.replaceFirst(", ", ",\n  ")).toList();
        return "[" + String.join(String.join(", ", tuples).codePoints().count() <= 78 ? ", " : ",\n ", tuples) + "]";
    }

    static String repr(String path) {   // Python's also escapes backslashes, control and unprintable characters
        return path.contains("'") && !path.contains("\"") ? "\"" + path + "\"" : "'" + path.replace("'", "\\'") + "'";
    }
}
/* Output:
[(0, 'filewalk/sample/pp4e/System/__init__.py'),
 (0, 'filewalk/sample/pp4e/__init__.py')]
[(250, 'filewalk/sample/pp4e/System/Processes/fork1.py'),
 (4080, 'filewalk/sample/pp4e/System/Filetools/bigpy-tree.py')]
*/
