"""Python's side of QueueThroughput: producer threads hand (producer, n) tuples to consumer
threads through queue.Queue, one get() per item, as the Java program's LinkedBlockingQueue/take
line does. Usage: queue_bench.py [ITEMS_PER_PRODUCER [ROUNDS [PRODUCERS [CONSUMERS]]]]"""
import queue
import sys
import threading
import time

items = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 1
producers = int(sys.argv[3]) if len(sys.argv) > 3 else 4
consumers = int(sys.argv[4]) if len(sys.argv) > 4 else 2
STOP = object()   # one per consumer, recognised by identity


def one_round(q):
    counts = [0] * consumers
    sums = [0] * consumers

    def produce(me):
        for n in range(items):
            q.put((me, n))

    def consume(me):
        while True:
            item = q.get()
            if item is STOP:
                return
            counts[me] += 1
            sums[me] += item[1]

    cs = [threading.Thread(target=consume, args=(i,)) for i in range(consumers)]
    ps = [threading.Thread(target=produce, args=(i,)) for i in range(producers)]
    t0 = time.perf_counter()
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    for _ in cs:
        q.put(STOP)
    for t in cs:
        t.join()
    seconds = time.perf_counter() - t0
    total = producers * items
    if sum(counts) != total or sum(sums) != producers * items * (items - 1) // 2:
        raise SystemExit(f"lost or doubled items: {sum(counts)} of {total}")
    return total / seconds


best = max(one_round(queue.Queue()) for _ in range(rounds))
print(f"python queue (queue.Queue, get): {best:.0f} items/s")
