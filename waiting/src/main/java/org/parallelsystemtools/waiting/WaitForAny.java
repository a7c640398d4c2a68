package org.parallelsystemtools.waiting;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Deitel fig. 18.3: two children sleep a random 1-5 seconds; the parent waits for whichever
 * ends first ({@code os.wait()}), then for the other.
 *
 * <pre>mvn -pl waiting compile exec:java -Dexec.args="--seed 7 --scale 1000"</pre>
 */
public final class WaitForAny {

    private WaitForAny() {
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

    /** The two sleep times, 1 to 5 each, as {@code random.randrange(1, 6)} draws them. */
    static int[] sleepTimes(Random random) {
        return new int[] {1 + random.nextInt(5), 1 + random.nextInt(5)};
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Random random;
        long scale;
        try {
            Args options = Args.parse(args, Set.of("--seed", "--scale"), Set.of());
            random = options.has("--seed")
                    ? new Random(options.number("--seed", 0, Long.MIN_VALUE, Long.MAX_VALUE))
                    : new Random();
            scale = options.number("--scale", 1000, 1, 60_000); // milliseconds per "second"
        } catch (Args.UsageError e) {
            err.println("WaitForAny: " + e.getMessage() + " (options: --seed N --scale MS)");
            return 2;
        }
        int[] sleep = sleepTimes(random);

        List<Child> running = new ArrayList<>();
        List<Child> all = new ArrayList<>();
        try {
            Child child1 = Child.start(out, WaitForAny.class, 1, sleep[0], scale, 0);
            all.add(child1);
            Child child2 = Child.start(out, WaitForAny.class, 2, sleep[1], scale, child1.pid());
            all.add(child2);
            running.addAll(all);
            Child.startClocks(all);
            out.printf("Parent waiting for child processes...%n\tpid: %d, forkPID1: %d, forkPID2: %d%n",
                    ProcessHandle.current().pid(), child1.pid(), child2.pid());

            Child first = waitForAny(running);
            out.printf("Parent: Child %d finished first, one child left.%n", first.pid());
            Child second = waitForAny(running);
            out.printf("Parent: Child %d finished second, no children left.%n", second.pid());
            return 0;
        } catch (IOException e) {
            err.println("WaitForAny: unable to create child: " + e.getMessage());
            return 1;
        } finally {
            Child.destroyAll(all);
        }
    }

    /**
     * os.wait(): block until ANY of the children ends and hand back that one. Java has no
     * "wait for any child" call; each Process has an onExit() future, and anyOf completes
     * with whichever completes first.
     */
    static Child waitForAny(List<Child> running) {
        if (running.isEmpty()) {
            throw new IllegalStateException("No more child processes.");
        }
        CompletableFuture<?>[] exits = running.stream().map(Child::ended).toArray(CompletableFuture<?>[]::new);
        Child ended = (Child) CompletableFuture.anyOf(exits).join();
        running.remove(ended);
        return ended;
    }

    /** The child's side: arguments are number, sleep, scale, forkPID1. */
    private static void child(String[] args) throws IOException, InterruptedException {
        Child.watchParent();
        int number = Integer.parseInt(args[1]);
        int sleep = Integer.parseInt(args[2]);
        long scale = Long.parseLong(args[3]);
        long forkPid1 = Long.parseLong(args[4]);
        String howLong = scale == 1000 ? sleep + " seconds" : sleep + " x " + scale + " ms";
        long pid = ProcessHandle.current().pid();
        if (number == 1) {
            System.out.printf("Child1 sleeping for %s...%n\tpid: %d, forkPID1: 0%n", howLong, pid);
        } else {
            System.out.printf("Child2 sleeping for %s...%n\tpid: %d, forkPID1: %d, forkPID2: 0%n",
                    howLong, pid, forkPid1);
        }
        System.out.flush();
        Child.awaitGo();
        Thread.sleep(sleep * scale); // "some work"
    }
}
