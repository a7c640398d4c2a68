"""Bytes per second through an anonymous pipe, from a forked child to its parent.

The Python counterpart of org.parallelsystemtools.pipes.beyond.PipeThroughput: the same
64 KiB per write and per read, the same total, and the clock starts when the first byte
arrives, so the fork is not timed.  Usage: python3 pipe_throughput.py [MIB]
"""
import os
import sys
import time

mib = int(sys.argv[1]) if len(sys.argv) > 1 else 2048
total = mib << 20
block = 64 * 1024

pipein, pipeout = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(pipein)
    data = memoryview(b'\0' * block)
    left = total
    while left > 0:
        left -= os.write(pipeout, data[:min(block, left)])
    os._exit(0)

os.close(pipeout)
first = os.read(pipein, block)
start = time.perf_counter()
got = len(first)
while True:
    chunk = os.read(pipein, block)
    if not chunk:
        break
    got += len(chunk)
seconds = time.perf_counter() - start
os.waitpid(pid, 0)
if got != total:
    sys.exit(f'pipe_throughput.py: expected {total} bytes, got {got}')
print(f'python pipe: {(got - len(first)) / seconds / 1e6:.0f} MB/s')
