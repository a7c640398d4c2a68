"""Python's side of VirtualThreads: the 10 x 100 counting and N sleepers, on threading threads
(OS threads, like Java's platform threads) and on asyncio tasks (Python's nearest thing to
virtual threads), each in a fresh interpreter. Prints the same four rows as VirtualThreads."""
import asyncio, io, subprocess, sys, threading, time

def status(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1])
    return 0

def measure(work, kind, n, m):
    peak = [status('Threads:')]
    done = threading.Event()
    def sample():
        while not done.wait(0.001):
            peak[0] = max(peak[0], status('Threads:'))
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    sink, lock, lines = io.StringIO(), threading.Lock(), [0]
    def count(my_id):
        for i in range(m):
            with lock:
                print('[%s] => %s' % (my_id, i), file=sink)
                lines[0] += 1
    start = time.perf_counter()
    if kind == 'threads':
        # Every sleeper waits until all have started, as in VirtualThreads: all n are alive at once.
        everyone = threading.Barrier(n + 1)
        def sleep(_):
            everyone.wait()
            time.sleep(m / 1000)
        threads = [threading.Thread(target=count if work == 'count' else sleep, args=(i,)) for i in range(n)]
        for t in threads:
            t.start()
        if work == 'sleep':
            everyone.wait()
            peak[0] = max(peak[0], status('Threads:'))
        for t in threads:
            t.join()
    else:
        async def task(my_id):
            if work == 'count':
                count(my_id)
            else:
                await asyncio.sleep(m / 1000)
        async def main():
            await asyncio.gather(*(task(i) for i in range(n)))
        asyncio.run(main())
    millis = (time.perf_counter() - start) * 1000
    done.set()
    sampler.join()
    peak[0] = max(peak[0], status('Threads:'))
    assert work != 'count' or lines[0] == n * m
    print('result %d %d %d %d' % (n, peak[0], status('VmHWM:') // 1024, millis))

def child(work, kind, n, m):
    out = subprocess.run([sys.executable, __file__, 'child', work, kind, str(n), str(m)],
                         capture_output=True, text=True, check=True).stdout
    return [int(x) for x in out.split()[1:]]

if __name__ == '__main__':
    if sys.argv[1:2] == ['child']:
        measure(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
        sys.exit(0)
    threads, count, sleepers, sleep_ms = (int(a) for a in sys.argv[1:5])
    print('%-32s %10s %10s' % ('Python %d.%d' % sys.version_info[:2], 'threading', 'asyncio'))
    for title, work, n, m in (('%d x %d counting' % (threads, count), 'count', threads, count),
                              ('%d sleepers of %d ms' % (sleepers, sleep_ms), 'sleep', sleepers, sleep_ms)):
        a, b = child(work, 'threads', n, m), child(work, 'asyncio', n, m)
        print(title)
        for i, row in enumerate(('threads started', 'OS threads at peak', 'peak RSS (MB)', 'time (ms)')):
            print('  %-30s %10d %10d' % (row, a[i], b[i]))
