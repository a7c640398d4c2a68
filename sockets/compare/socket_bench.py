"""The book's server and client under load, the Python figure beside
SocketThroughput: one accept loop (the book's server, closing each connection
after its answer) and K client threads, each sending M messages, a
connection each.   python3 socket_bench.py 5 4000 tcp   (or unix)"""
import os, sys, tempfile, time
from socket import socket, AF_INET, AF_UNIX, SOCK_STREAM
from threading import Thread

clients = int(sys.argv[1]) if len(sys.argv) > 1 else 5
messages = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
family = AF_UNIX if len(sys.argv) > 3 and sys.argv[3] == 'unix' else AF_INET

listener = socket(family, SOCK_STREAM)
if family == AF_UNIX:
    folder = tempfile.mkdtemp()
    address = os.path.join(folder, 'echo.sock')
    listener.bind(address)
else:
    listener.bind(('127.0.0.1', 0))
    address = listener.getsockname()
listener.listen(4096)

def server():
    while True:
        conn, addr = listener.accept()
        data = conn.recv(1024)
        conn.send(b'server got: [' + data + b']')
        conn.close()

bad = 0
def client(name):
    global bad
    expected = b'server got: [' + name + b']'
    for _ in range(messages):
        sock = socket(family, SOCK_STREAM)
        sock.connect(address)
        sock.send(name)
        reply = sock.recv(1024)
        sock.close()
        if reply != expected:
            bad += 1

Thread(target=server, daemon=True).start()
cpu = time.process_time()
times = os.times()
start = time.perf_counter()
threads = [Thread(target=client, args=(b'client%d' % i,)) for i in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
seconds = time.perf_counter() - start
cpu = time.process_time() - cpu
user, kernel = os.times()[0] - times[0], os.times()[1] - times[1]
print('%s: %.0f msg/s (%d in %.2f s, bad=%d), cpu %.0f us/msg (%.0f%% user)' % (
      'unix' if family == AF_UNIX else 'tcp', clients * messages / seconds, clients * messages,
      seconds, bad, cpu * 1e6 / (clients * messages), 100 * user / (user + kernel) if user + kernel else 0))
if family == AF_UNIX:
    os.unlink(address); os.rmdir(folder)
