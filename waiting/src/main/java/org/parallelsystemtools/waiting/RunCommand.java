package org.parallelsystemtools.waiting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * Deitel Fig. 18.5, {@code os.system} used to clear the screen in a small file writer.
 * Running a command line starts a child, waits for it to end and returns its exit status.
 */
public final class RunCommand {

    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    public static void main(String[] args) throws IOException, InterruptedException {
        String clearCommand;
        if (WINDOWS) {
            clearCommand = "cls";
            System.out.println("You are using a Windows system.");
        } else {
            clearCommand = "clear";
            System.out.println("You are using a UNIX-compatible system.");
        }
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in));
        System.out.print("What file would you like to create? ");
        String filename = stdin.readLine();
        RandomAccessFile file = null;
        try {
            file = new RandomAccessFile(filename == null ? "" : filename, "rw");
            file.setLength(0); // mode "w+": an existing file starts empty
        } catch (IOException e) {
            System.err.println("Error creating file: " + e.getMessage());
            System.exit(1);
        }
        printInstructions(clearCommand);
        // quit ends the text; so does the end of input, where the book's loop would spin forever
        for (String line; (line = stdin.readLine()) != null && !line.equals("quit"); ) {
            if (line.equals("clear")) {
                file.setLength(0);
                printInstructions(clearCommand);
            } else {
                file.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        file.close();
    }

    private static void printInstructions(String clearCommand) throws IOException, InterruptedException {
        int status = system(clearCommand); // the book ignores it; a failed clear is worth a word
        if (status != 0) {
            System.err.println("(" + clearCommand + " failed with exit status " + status + ")");
        }
        System.out.println("Type the text that you wish to save in this file.");
        System.out.println("Type clear on a blank line to delete the contents of the file.");
        System.out.println("Type quit on a blank line when you are finished.");
        System.out.println();
    }

    /**
     * os.system: the shell runs the command line on our own terminal, and we wait for it.
     * waitFor() returns the exit code itself; os.system on Unix returns it shifted left 8 bits.
     */
    private static int system(String commandLine) throws IOException, InterruptedException {
        String[] shell = WINDOWS ? new String[] {"cmd", "/c", commandLine} : new String[] {"/bin/sh", "-c", commandLine};
        return new ProcessBuilder(shell).inheritIO().start().waitFor();
    }
}

/* Output:
You are using a UNIX-compatible system.
What file would you like to create? Type the text that you wish to save in this file.
Type clear on a blank line to delete the contents of the file.
Type quit on a blank line when you are finished.

Type the text that you wish to save in this file.
Type clear on a blank line to delete the contents of the file.
Type quit on a blank line when you are finished.

*/
