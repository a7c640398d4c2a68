package org.parallelsystemtools.queues;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Lutz {@code multi4.py}: three counting child processes post their values on a queue the parent
 * owns, and the parent consumes them without ever blocking, printing {@code no data...} whenever
 * it looks and finds nothing, as a GUI polling for results would.
 *
 * <p>Java has no queue shared between processes: each child writes its posts to its stdout, a pipe
 * the parent reads into its own queue (so the child's console is stderr, the same terminal).
 *
 * <p>The {@code ...} below is a third {@code no data...}: the parent polls twice before the first
 * post at the book's pace, and once more for every half second the child JVMs are slow to start.
 */
public final class CounterProcesses {
    static final String LABEL = "  @";

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {
            if (args.length != 2 || !args[1].matches("\\d{1,4}")) {   // a child's role typed by hand
                System.err.println("CounterProcesses: expected no arguments (usage: CounterProcesses)");
                System.exit(2);
            }
            run(Integer.parseInt(args[1]));
            return;
        }
        long pid = ProcessHandle.current().pid();
        System.out.println("start " + pid);
        int expected = 9;

        BlockingQueue<String> post = new LinkedBlockingQueue<>();
        Process p = counter(0, post);   // start 3 processes sharing the queue
        Process q = counter(100, post);
        Process r = counter(1000, post);

        while (expected > 0) {
            Pace.sleep(0.5);
            String data = post.poll();  // get(block=False): null where Python raises queue.Empty
            if (data == null) {
                System.out.println("no data...");
            } else {
                System.out.println("posted: " + data);
                expected -= 1;
            }
        }
        p.waitFor();
        q.waitFor();
        r.waitFor();
        System.out.println("finish " + pid + " " + r.exitValue());
    }

    /** Counter(start, post).start(): a child JVM whose posts, line by line, land in post. */
    static Process counter(int start, BlockingQueue<String> post) {
        Process child = Relaunch.start(CounterProcesses.class, Integer.toString(start));
        Thread feeder = new Thread(() -> child.inputReader().lines().forEach(post::add));
        feeder.setDaemon(true);
        feeder.start();
        return child;
    }

    /** Counter.run(), in the child. */
    static void run(int state) {
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < 3; i++) {
            Pace.sleep(1);
            state += 1;
            System.err.println(LABEL + " " + pid + " " + state);
            System.out.println(List.of(pid, state));   // post.put([pid, state]); a List prints as [pid, state]
        }
        System.err.println(LABEL + " " + pid + " -");
    }
}
/* Output: (unordered; vary 18814 18917 18940 18947)
start 18814
no data...
no data...
...
  @ 18940 101
  @ 18917 1
posted: [18940, 101]
  @ 18947 1001
posted: [18917, 1]
  @ 18940 102
posted: [18947, 1001]
  @ 18917 2
  @ 18947 1002
posted: [18940, 102]
  @ 18940 103
  @ 18940 -
  @ 18917 3
posted: [18917, 2]
  @ 18917 -
  @ 18947 1003
  @ 18947 -
posted: [18947, 1002]
posted: [18940, 103]
posted: [18917, 3]
posted: [18947, 1003]
finish 18814 0
*/
