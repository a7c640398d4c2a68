package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;

/**
 * Deitel Fig. 18.7, {@code os.execvp} used to open a downloaded web page in an editor.
 * The program fetches a page into a file and hands its terminal to an editor on that file.
 */
public final class DownloadAndEdit {

    private static final String USAGE = "(usage: DownloadAndEdit <url> <file>)";

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("Incorrect number of arguments.");
            System.exit(1);
        }
        String editor = System.getProperty("os.name").startsWith("Windows") ? "notepad.exe" : "vi";

        // obtain the web page and store it in a file (urllib.urlretrieve)
        HttpRequest request = null;
        try {
            request = HttpRequest.newBuilder(URI.create(args[0])).build();
        } catch (IllegalArgumentException e) {
            System.err.println("DownloadAndEdit: expected an http:// or https:// URL, not '" + args[0] + "' " + USAGE);
            System.exit(2);
        }
        try {
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                    .send(request, BodyHandlers.ofFile(Path.of(args[1])));
        } catch (IOException e) {
            System.err.println("DownloadAndEdit: cannot download " + args[0] + " to " + args[1] + ": " + e);
            System.exit(1);
        }

        // Java has no exec: os.execvp would turn this very process, pid and all, into the editor.
        // Here the editor is a child on our terminal, the JVM waits for it and then ends with its
        // status, so whoever started us sees what the editor returned. (The editor's name comes
        // first in its own argument list; ProcessBuilder puts it there, execvp needs it spelled.)
        Process child = null;
        try {
            child = new ProcessBuilder(editor, args[1]).inheritIO().start();
        } catch (IOException e) {
            System.err.println("DownloadAndEdit: cannot start " + editor + ": " + e.getMessage());
            System.exit(1);
        }
        System.exit(child.waitFor());
        // Python's last line, print "This line never executes.", has no place here: it WOULD run.
    }
}

/* Output:
*/
