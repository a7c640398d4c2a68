package org.parallelsystemtools.queues;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's {@code Queue(3)}: a queue with room for three messages, and what each put and
 * get does when it is full or empty. Where Python raises {@code queue.Full} or {@code queue.Empty},
 * Java's {@code offer} and {@code poll} answer {@code false} or {@code null}: a full queue is an
 * expected answer, not an error.
 */
public final class BoundedQueue {

    public static void main(String[] args) throws InterruptedException {
        BlockingQueue<String> q = new ArrayBlockingQueue<>(3);   // Queue(3): at most 3 messages
        q.put("Message 1");                                      // put(): would wait while full
        q.put("Message 2");
        System.out.println(python(full(q)));                     // False
        q.put("Message 3");
        System.out.println(python(full(q)));                     // True

        // put("Message 4", True, 2): wait up to 2 s for room, then give up.
        if (!q.offer("Message 4", Pace.millis(2), TimeUnit.MILLISECONDS)) {
            System.out.println("Queue full, current size: " + q.size());
        }
        // put_nowait("Message 4"): no waiting at all.
        if (!q.offer("Message 4")) {
            System.out.println("Queue full, current size: " + q.size());
        }
        // The "safe" write: look first. With other threads about, offer's own answer is the only
        // trustworthy check: the queue may fill between the look and the write.
        if (!full(q)) {
            q.offer("Message 4");
        }
        // get_nowait() for each message: poll() returns null instead of raising queue.Empty.
        if (!q.isEmpty()) {
            for (int i = q.size(); i > 0; i--) {
                System.out.println(q.poll());
            }
        }
    }

    /** Python's q.full(): Java's bounded queues tell how much room is left instead. */
    static boolean full(BlockingQueue<?> q) {
        return q.remainingCapacity() == 0;
    }

    /** Python prints booleans capitalised; Java would print "false" and "true". */
    static String python(boolean b) {
        return b ? "True" : "False";
    }
}
/* Output:
False
True
Queue full, current size: 3
Queue full, current size: 3
Message 1
Message 2
Message 3
*/
