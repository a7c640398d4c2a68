package org.parallelsystemtools.filewalk;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.TreeSet;
import org.parallelsystemtools.filewalk.PythonPrettyPrint.Pair;

/**
 * Lutz's "find the smallest and largest Python files under home" ({@code bigpy-tree.py}). Walk
 * a whole tree, note the size of every {@code *.py} file, print the two smallest and the two
 * largest as {@code (size, path)} pairs.
 *
 * <p>{@code os.walk} becomes the JDK's own walker, {@code Files.walkFileTree}, which calls a
 * visitor back for each folder and file, and once for each entry it could not read: an
 * unreadable folder, a broken link, a loop of links, a file deleted while the walk went on.
 * The listing sorts every file it saw; this keeps only the two lists it prints.
 */
public final class FindPythonFiles {
    static final boolean TRACE = Boolean.getBoolean("trace");   // the listing's trace = False
    static final int COUNT = 2;
    // Python writes paths as UTF-8 even in a C locale; Java's System.out follows the locale
    // and would print '?' for every other character there.
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        if (args.length > 0 && args[0].isBlank()) {              // Path.of("") would mean "here"
            System.err.println("FindPythonFiles: the folder name is empty");
            System.exit(2);
        }
        Path dirname = Path.of(args.length > 0 ? args[0] : System.getProperty("user.home"));
        TreeSet<Pair> smallest = new TreeSet<>();
        TreeSet<Pair> largest = new TreeSet<>();
        try {
            walk(dirname, smallest, largest);
        } catch (IOException e) {                                // os.walk would print [] [] silently
            System.err.println("FindPythonFiles: cannot walk " + dirname + ": " + Names.reason(dirname, e));
            System.exit(1);
        }
        OUT.println(PythonPrettyPrint.pformat(smallest));
        OUT.println(PythonPrettyPrint.pformat(largest));
    }

    static void walk(Path dirname, TreeSet<Pair> smallest, TreeSet<Pair> largest) throws IOException {
        Files.walkFileTree(dirname, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                trace(Names.display(folder));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!file.getFileName().toString().endsWith(".py") || Files.isDirectory(file)) {
                    return FileVisitResult.CONTINUE;             // a link to a folder is a folder
                }
                trace("... " + Names.display(file.getFileName()));
                try {   // os.path.getsize follows a link; the walk's attributes are the link's own
                    Pair entry = new Pair(attributes.isSymbolicLink() ? Files.size(file) : attributes.size(),
                            Names.display(file));
                    smallest.add(entry);
                    largest.add(entry);
                } catch (IOException brokenOrLooping) {
                    return visitFileFailed(file, brokenOrLooping);
                }
                if (smallest.size() > COUNT) {
                    smallest.pollLast();
                    largest.pollFirst();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException error) throws IOException {
                if (file.equals(dirname)) {
                    throw error;
                }
                trace("skipped " + Names.display(file) + ": " + Names.reason(file, error));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void trace(String line) {
        if (TRACE) {
            OUT.println(line);
        }
    }
}
/* Output:
[(0, 'filewalk/sample/pp4e/System/__init__.py'),
 (0, 'filewalk/sample/pp4e/__init__.py')]
[(250, 'filewalk/sample/pp4e/System/Processes/fork1.py'),
 (4080, 'filewalk/sample/pp4e/System/Filetools/bigpy-tree.py')]
*/
