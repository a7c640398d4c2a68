package org.parallelsystemtools.waiting;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Lutz {@code testexit_os.py}: {@code Runtime.halt(99)}, Java's {@code os._exit(99)}.
 * Halting skips the cleanup an exit runs: shutdown hooks never run, unflushed output is lost.
 */
public final class HaltNow {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Relaunch.isChild(args)) {
            child(args[1]);
            return;
        }
        for (String how : new String[] {"exit", "halt"}) {
            System.out.println("Child ends with " + how + "(99):");
            Process child = Relaunch.start(HaltNow.class, how);
            try (BufferedReader pipe = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                pipe.lines().forEach(line -> System.out.println("  read from its pipe: " + line));
            }
            System.out.println("  exit status: " + child.waitFor());
        }
    }

    private static void child(String how) {
        // System.out flushes every line, so it would lose nothing. Python's stdout on a pipe
        // is block-buffered; an unflushed BufferedOutputStream is that buffer in Java.
        BufferedOutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stdout.write("shutdown hook: flushing\n".getBytes(StandardCharsets.UTF_8));
                stdout.flush();
            } catch (IOException e) {
                // the parent stopped reading: nothing left to save
            }
        }));
        try {
            stdout.write("Bye os world\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (how.equals("exit")) {
            System.exit(99); // runs the hook, which flushes the buffer
        }
        Runtime.getRuntime().halt(99); // no hooks, no flush: the line dies in the buffer
    }
}

/* Output:
Child ends with exit(99):
  read from its pipe: Bye os world
  read from its pipe: shutdown hook: flushing
  exit status: 99
Child ends with halt(99):
  exit status: 99
*/
