package org.parallelsystemtools.forking;

import java.util.ArrayList;
import java.util.List;

/**
 * Lutz {@code multi1.py}: one function, called directly, then in a child that is joined, then in
 * five children that are not. Each call reports the process that ran it, and only the direct
 * call runs in the parent.
 *
 * <p>One {@code println} writes a whole line at once, so the listing's {@code Lock} has nothing
 * to guard here (and could not reach into another JVM anyway).
 */
public final class WhoAmI {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 2) {
                System.err.println("WhoAmI: its children are started by WhoAmI itself (usage: WhoAmI)");
                System.exit(2);
            }
            whoami(args[1], Relaunch.CHILD);
            return;
        }
        whoami("function call", "main");
        Process p = Relaunch.builder(WhoAmI.class, "spawned child").inheritIO().start();
        p.waitFor();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            children.add(Relaunch.builder(WhoAmI.class, "run process " + i).inheritIO().start());
        }
        System.out.println("Main process exit.");
        // Python joins the children when the program ends; a relaunched child would end with us.
        for (Process child : children) {
            child.waitFor();
        }
    }

    /**
     * Python prints the module's {@code __name__}: {@code __main__} in the parent, {@code __mp_main__}
     * in a spawned child. A Java class knows its part from its first argument: main or child.
     */
    static void whoami(String label, String name) {
        System.out.println(label + ": name:" + name + ", pid:" + ProcessHandle.current().pid());
    }
}

/* Output: (unordered; vary 4058 6987 7559 7564 7562 7575 7579)
function call: name:main, pid:4058
spawned child: name:child, pid:6987
Main process exit.
run process 0: name:child, pid:7559
run process 2: name:child, pid:7564
run process 1: name:child, pid:7562
run process 3: name:child, pid:7575
run process 4: name:child, pid:7579
*/
