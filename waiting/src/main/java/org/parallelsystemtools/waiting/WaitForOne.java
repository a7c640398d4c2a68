package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The os.waitpid footnote of fig. 18.3: wait for one PARTICULAR child. Three children sleep
 * 3, 1 and 2 seconds and exit with status 1, 2 and 3; the parent waits for the first one it
 * started (the slowest), then for the others, each by its pid.
 *
 * <pre>mvn -pl waiting compile exec:java -Dexec.mainClass=org.parallelsystemtools.waiting.WaitForOne</pre>
 */
public final class WaitForOne {

    private static final int[] SLEEPS = {3, 1, 2};

    private WaitForOne() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length > 0 && args[0].equals(Child.ROLE)) {
            child(args);
            return;
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        long scale;
        try {
            scale = Args.parse(args, Set.of("--scale"), Set.of()).number("--scale", 1000, 1, 60_000);
        } catch (Args.UsageError e) {
            err.println("WaitForOne: " + e.getMessage() + " (option: --scale MS)");
            return 2;
        }
        List<Child> children = new ArrayList<>();
        try {
            for (int i = 0; i < SLEEPS.length; i++) {
                children.add(Child.start(out, WaitForOne.class, SLEEPS[i], scale, i + 1));
            }
            out.printf("Parent %d started children %d, %d, %d%n", ProcessHandle.current().pid(),
                    children.get(0).pid(), children.get(1).pid(), children.get(2).pid());
            Child.startClocks(children);

            // os.waitpid(pid, os.WNOHANG) returns (0, 0) while the child runs; Java: isAlive().
            Child first = children.get(0);
            if (first.process().isAlive()) {
                out.printf("Parent: waitpid(%d, WNOHANG) -> (0, 0): still running%n", first.pid());
            }
            for (Child child : children) {
                out.printf("Parent: waiting for child %d only...%n", child.pid());
                child.ended().join(); // waitpid(pid, 0): this child, whatever the others do
                out.printf("Parent: waitpid(%d) -> (%d, %d)%s%n", child.pid(), child.pid(),
                        child.process().exitValue(), notWaitedFor(children, child));
            }
            return 0;
        } catch (IOException e) {
            err.println("WaitForOne: unable to create child: " + e.getMessage());
            return 1;
        } finally {
            Child.destroyAll(children);
        }
    }

    /** The children not waited for yet, and whether each is still running. */
    private static String notWaitedFor(List<Child> children, Child waitedFor) {
        StringBuilder text = new StringBuilder();
        for (Child other : children.subList(children.indexOf(waitedFor) + 1, children.size())) {
            text.append(text.length() == 0 ? "; not waited for yet: " : ", ").append(other.pid())
                    .append(other.process().isAlive() ? " (running)" : " (ended)");
        }
        return text.toString();
    }

    /** The child's side: sleep, scale, exit status. */
    private static void child(String[] args) throws IOException, InterruptedException {
        Child.watchParent();
        int sleep = Integer.parseInt(args[1]);
        long scale = Long.parseLong(args[2]);
        int status = Integer.parseInt(args[3]);
        String howLong = scale == 1000 ? sleep + " seconds" : sleep + " x " + scale + " ms";
        System.out.printf("Child %d sleeping for %s, then exiting with status %d%n",
                ProcessHandle.current().pid(), howLong, status);
        System.out.flush();
        Child.awaitGo();
        TimeUnit.MILLISECONDS.sleep(sleep * scale);
        System.exit(status);
    }
}
