package org.parallelsystemtools.pools;

/**
 * The tutorial's {@code Manager().Queue()} shared by two pool tasks, {@code apply(writer)} then
 * {@code apply(reader)}. Tasks in different worker processes talk through a queue held by a
 * manager; the reader runs after the writer is done, so it finds every letter waiting.
 */
public final class PoolSharedQueue {

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        System.out.println("Main process: " + ProcessHandle.current().pid());
        // Python's manager is a process of its own; Manager, beside WorkerPool, keeps the queue in
        // this JVM and lets the workers reach it through RMI. Closing it ends RMI's threads.
        try (Manager manager = new Manager()) {
            Manager.Queue<Character> q = manager.queue();
            // Pool(): one worker per CPU.
            WorkerPool pool = new WorkerPool(PoolSharedQueue.class, Runtime.getRuntime().availableProcessors());
            pool.apply(() -> writer(q));
            pool.apply(() -> reader(q));
            pool.close();
            pool.join();
        }
        System.out.println("Done");
    }

    static void reader(Manager.Queue<Character> q) throws Exception {
        System.out.println("Reader started: pid=" + pid() + ", parent=" + parentPid());
        for (int n = q.qsize(); n > 0; n--) {
            System.out.println("Read: " + q.get());          // q.get(True): block until there is one
        }
    }

    static void writer(Manager.Queue<Character> q) throws Exception {
        System.out.println("Writer started: pid=" + pid() + ", parent=" + parentPid());
        for (char c : "Python".toCharArray()) {
            q.put(c);
        }
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static long parentPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }
}
/* Output: (vary 29554 29576 29582)
Main process: 29554
Writer started: pid=29576, parent=29554
Reader started: pid=29582, parent=29554
Read: P
Read: y
Read: t
Read: h
Read: o
Read: n
Done
*/
