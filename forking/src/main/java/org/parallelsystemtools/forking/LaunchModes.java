package org.parallelsystemtools.forking;

import java.io.IOException;

/**
 * Lutz {@code launchmodes.py}, its self-test, with {@code echo.py}: one program started two
 * ways. In default mode the launcher starts it and carries on at once, so the next prompt and
 * the program's own lines share the terminal; in system mode it waits until the program ends.
 *
 * <p>The listing's launchers are classes that pick {@code os.system}, {@code os.popen},
 * fork with {@code execvp}, {@code os.spawnv} or Windows' {@code start} by platform. In Java
 * each is one {@code ProcessBuilder} with {@code inheritIO()}, the same on every system; the
 * only choice left is whether to {@code waitFor()} it.
 */
public final class LaunchModes {

    public static void main(String[] args) throws Exception {
        String file = "echo.py";    // the self-test's label, as the listing prints it; the program is Echo
        Echo.input("default mode...");
        Process noWait = launch(file);          // fork + execvp (PortableLauncher): not waited for
        Echo.input("system mode...");
        launch(file).waitFor();                 // os.system: blocks until the program ends
        // The listing's forked echo.py may outlive it; a relaunched child ends with its parent
        // (Relaunch's watch), so the parent waits for it at its very end instead of cutting it off.
        noWait.waitFor();
        // The self-test's "DOS start mode..." is offered on Windows only; Java has no such mode.
    }

    /** The launcher's call: it prints its label, then starts the program on this terminal. */
    static Process launch(String label) throws IOException {
        System.out.println(label);
        return Relaunch.builder(Echo.class).inheritIO().start();
    }
}

/* Output:
default mode...echo.py
system mode...Spam
press Enterecho.py
Spam
press Enter
*/
