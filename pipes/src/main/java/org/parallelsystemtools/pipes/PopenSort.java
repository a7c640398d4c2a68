package org.parallelsystemtools.pipes;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deitel Fig. 18.9: one command's output becomes another command's input. The program reads
 * what a directory listing prints, writes it into a reverse sort, and closes sort's input:
 * that end of file is what tells sort to start, since it cannot sort until it has every line.
 *
 * <p>The figure's {@code os.popen} and {@code os.popen2} are Python 2 calls; each is one
 * {@code ProcessBuilder} here, whose pipes are the child's standard input and output. The
 * listing is of the current folder; the block below is a run in one that holds three empty
 * files, {@code spam}, {@code eggs} and {@code ham}.
 */
public final class PopenSort {

    public static void main(String[] args) throws Exception {
        List<String> fileList;
        List<String> sortReverse;
        if (System.getProperty("os.name").startsWith("Windows")) {
            fileList = List.of("cmd", "/c", "dir", "/B");
            sortReverse = List.of("sort", "/R");
        } else {
            fileList = List.of("ls", "-1");
            sortReverse = List.of("sort", "-r");
        }

        Process dirOut = new ProcessBuilder(fileList).start();               // os.popen(fileList, "r")
        Process sort = new ProcessBuilder(sortReverse).start();              // os.popen2(sortReverse)
        String filenames = new String(dirOut.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // The figure's quotes are curly. System.out encodes for the locale, and in a C locale
        // turns them into '?'; Python 3 writes UTF-8 there, and so does this stream.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("Before sending to sort");
        out.printf("(Output from ‘%s’):%n", String.join(" ", fileList));
        out.println(filenames);

        try (OutputStream sortIn = sort.getOutputStream()) {                 // closing it sends EOF
            sortIn.write(filenames.getBytes(StandardCharsets.UTF_8));
        }

        out.println("After sending to sort");
        out.printf("(Output from ‘%s’):%n", String.join(" ", sortReverse));
        out.println(new String(sort.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        dirOut.waitFor();
        sort.waitFor();
    }
}
/* Output:
Before sending to sort
(Output from ‘ls -1’):
eggs
ham
spam

After sending to sort
(Output from ‘sort -r’):
spam
ham
eggs

*/
