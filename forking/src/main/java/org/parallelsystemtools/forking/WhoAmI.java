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

/* Output: (unordered)
function call: name:main, pid:20164
spawned child: name:child, pid:20196
Main process exit.
run process 2: name:child, pid:20266
run process 3: name:child, pid:20274
run process 0: name:child, pid:20260
run process 1: name:child, pid:20262
run process 4: name:child, pid:20294
*/
