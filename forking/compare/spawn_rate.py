"""Python's side of SpawnRate: child processes started and joined per second, one after another.

multiprocessing's "spawn" start method starts a fresh interpreter for every child, as Java's
relaunch starts a fresh JVM: that is the figure to compare. "fork" copies the running
interpreter instead, which a JVM cannot do; it is printed as the limit Java gives up.
"""
import argparse
import multiprocessing
import time


def nothing():
    pass


def rate(method, count, warmup):
    context = multiprocessing.get_context(method)
    for _ in range(warmup):
        child = context.Process(target=nothing)
        child.start()
        child.join()
    start = time.perf_counter()
    for _ in range(count):
        child = context.Process(target=nothing)
        child.start()
        child.join()
    return count / (time.perf_counter() - start)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--count', type=int, default=30, choices=range(1, 1001), metavar='1..1000')
    parser.add_argument('--warmup', type=int, default=2, choices=range(0, 101), metavar='0..100')
    options = parser.parse_args()
    for method in ('spawn', 'fork'):
        count = options.count if method == 'spawn' else options.count * 10
        print(f'python multiprocessing {method}: {count} children, '
              f'{rate(method, count, options.warmup):.1f} children/s', flush=True)
