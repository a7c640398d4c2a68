package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Lutz {@code testexit_sys.py}: {@code System.exit(42)}, and who sees the 42.
 * A program's exit status is the one number it hands back to whoever started it.
 */
public final class ExitCode {

    public static void main(String[] args) throws IOException, InterruptedException {
        if (Relaunch.isChild(args)) {
            child();
            return;
        }
        // Seen by a parent: waitFor() hands back 42 itself, where Python's os.system and
        // popen().close() hand back the raw wait status, 42 << 8 = 10752.
        Process child = Relaunch.builder(ExitCode.class).inheritIO().start();
        System.out.println("waitFor() -> " + child.waitFor());

        // Seen by the shell, as `python testexit_sys.py; echo $?` shows it. This child's parent
        // is sh, not us, so it is started unwatched; it ends by itself at once.
        String command = Relaunch.unwatched(ExitCode.class).command().stream()
                .map(ExitCode::quoted).collect(Collectors.joining(" "));
        Process shell = new ProcessBuilder(List.of("sh", "-c", command + "; echo \"echo \\$? -> $?\""))
                .inheritIO().start();
        shell.waitFor();
    }

    private static void child() {
        System.out.println("Bye sys world");
        // The exit status IS this listing's lesson, so the child ends with System.exit on
        // purpose (a book program otherwise returns from main). Shutdown hooks run first, as
        // Python's SystemExit runs its cleanup.
        System.exit(42);
        System.out.println("Never reached");
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}

/* Output:
Bye sys world
waitFor() -> 42
Bye sys world
echo $? -> 42
*/
