package org.parallelsystemtools.forking;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lutz {@code echo.py}: the little program {@code LaunchModes} starts. It says {@code Spam}, then
 * waits at {@code press Enter}, reading the terminal it shares with the program that started it.
 */
public final class Echo {

    /**
     * Standard input itself, unbuffered. {@code System.in} buffers what it reads, and a program
     * that shares the terminal with another must take only its own line: Python's {@code input()}
     * takes one line, and so does {@link #input}.
     */
    private static final InputStream TERMINAL = new FileInputStream(FileDescriptor.in);

    public static void main(String[] args) throws IOException {
        System.out.println("Spam");
        input("press Enter");
    }

    /** Python's {@code input(prompt)}: the prompt without a newline, then one line read. */
    static String input(String prompt) throws IOException {
        System.out.print(prompt);
        System.out.flush();
        StringBuilder line = new StringBuilder();
        for (int c = TERMINAL.read(); c != -1 && c != '\n'; c = TERMINAL.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}

/* Output:
Spam
press Enter
*/
