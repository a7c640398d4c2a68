package org.parallelsystemtools.pools;

import java.util.concurrent.CompletableFuture;

/**
 * The tutorial's {@code pool.apply_async(func=background_task, callback=callback)}.
 * The caller does not wait for the result: the task runs in a worker process, and the pool hands
 * its result to the callback back in the main process, while the caller goes on with its work.
 */
public final class PoolCallback {

    private static final int WORKERS = 3;

    public static void main(String[] args) throws Exception {
        if (Relaunch.isChild(args)) {   // a worker of the pool below: this program, relaunched
            WorkerPool.serve();
            return;
        }
        WorkerPool pool = new WorkerPool(PoolCallback.class, WORKERS);   // Pool(3): three worker JVMs
        CompletableFuture<Void> calledBack = pool.applyAsync(PoolCallback::backgroundTask, PoolCallback::callback);
        Pace.sleep(5);
        // Python trusts its 5 s to outlast the 3 s task; a loaded machine can make them not,
        // so wait for the callback as well: the lines come out in the same order every time.
        calledBack.join();
        System.out.println("Main process: pid=" + ProcessHandle.current().pid());
    }

    static String backgroundTask() {
        System.out.println("Pool process: pid=" + ProcessHandle.current().pid()
                + ", parent=" + ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L));
        for (int i = 0; i < 3; i++) {
            System.out.println("Working on " + i);
            Pace.sleep(1);
        }
        return "completed";
    }

    static void callback(String result) {
        System.out.println("Callback executing in: pid=" + ProcessHandle.current().pid());
        System.out.println("Result: " + result);
    }
}
/* Output: (vary 29490 29471)
Pool process: pid=29490, parent=29471
Working on 0
Working on 1
Working on 2
Callback executing in: pid=29471
Result: completed
Main process: pid=29471
*/
