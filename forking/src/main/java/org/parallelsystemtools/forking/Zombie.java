package org.parallelsystemtools.forking;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The tutorial's zombie: a child that has ended stays in the process table, in state Z, until
 * its parent collects its exit status, and a parent that runs on without waiting keeps it there.
 * The listing's parent runs forever; this one stops after {@link #ROUNDS} seconds.
 *
 * <p>A Java parent cannot leave a zombie: the JVM waits for every child it starts, in a thread
 * of its own, whether the program calls {@code waitFor()} or not. So a second parent that never
 * waits, {@code sh} turned into {@code cat}, shows a real one beside the Java child.
 */
public final class Zombie {

    static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        long pid = ProcessHandle.current().pid();
        if (Relaunch.isChild(args)) {
            System.out.println("Child " + pid + " exiting");
            return;
        }
        Process child = Relaunch.builder(Zombie.class).inheritIO().start();
        // sh starts a child in the background, says its pid and becomes cat, which never waits;
        // the child ends once its parent is cat (sh itself might collect it). cat reads a pipe
        // from us, so it ends when we do.
        Process sh = new ProcessBuilder("sh", "-c",
                "(until grep -qx cat /proc/$$/comm || [ ! -e /proc/$$ ]; do sleep 0.01; done) & echo $!; exec cat").start();
        long other = Long.parseLong(sh.inputReader().readLine().trim());
        for (int i = 0; i < ROUNDS; i++) {
            System.out.println("Parent " + pid + " running indefinitely");
            Pace.sleep(1);
        }
        System.out.println("Java child " + child.pid() + ": " + afterItsEnd(child.pid()));
        System.out.println("Child " + other + " of sh " + sh.pid() + ": " + afterItsEnd(other));
        sh.getOutputStream().close();
        sh.waitFor();
    }

    /**
     * What is left of a process once it has ended: nothing, or a zombie that stays one for a
     * whole second (a parent that does wait may need a moment to collect its child).
     */
    static String afterItsEnd(long pid) throws InterruptedException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long zombieSince = 0;
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(10)) {
            try {
                String line = Files.readString(stat);
                boolean zombie = line.substring(line.lastIndexOf(')') + 2).startsWith("Z");
                zombieSince = !zombie ? 0 : zombieSince != 0 ? zombieSince : System.nanoTime();
                if (zombie && System.nanoTime() - zombieSince > 1_000_000_000L) {
                    return "state Z (zombie): ended, its exit status not yet collected";
                }
            } catch (IOException e) {
                return "gone from the process table: its exit status was collected";
            }
        }
        return "still running after 60 s";
    }
}

/* Output: (unordered; vary 4006 6920 7075 7045)
Parent 4006 running indefinitely
Parent 4006 running indefinitely
Child 6920 exiting
Parent 4006 running indefinitely
Java child 6920: gone from the process table: its exit status was collected
Child 7075 of sh 7045: state Z (zombie): ended, its exit status not yet collected
*/
