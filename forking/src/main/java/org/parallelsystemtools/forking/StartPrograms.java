package org.parallelsystemtools.forking;

import java.util.ArrayList;
import java.util.List;

/**
 * Lutz {@code multi5.py}: five processes, each of which starts the independent program
 * {@code HelloChild} with its own argument; the parent says goodbye first.
 *
 * <p>The listing needs a {@code Process} whose function calls {@code os.execlp}; in Java,
 * {@code ProcessBuilder} starts the program directly, on every system.
 */
public final class StartPrograms {

    public static void main(String[] args) throws Exception {
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            children.add(Relaunch.builder(HelloChild.class, Integer.toString(i)).inheritIO().start());
        }
        System.out.println("parent exit");
        // Python joins the children when the program ends; a relaunched child would end with us.
        for (Process child : children) {
            child.waitFor();
        }
    }
}

/* Output: (unordered; vary 6927 7084 7043 7019 7095)
parent exit
Hello from child 6927 0
Hello from child 7084 3
Hello from child 7043 2
Hello from child 7019 1
Hello from child 7095 4
*/
