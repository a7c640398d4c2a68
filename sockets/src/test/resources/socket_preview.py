"""Lutz socket_preview.py, written from the book's description: a TCP server
thread and 5 client threads on port 50008. The tests import it and set
`port` to a free one before calling server() or client(), as
socket-preview-progs.py imports it."""
from socket import socket, AF_INET, SOCK_STREAM

port = 50008
host = 'localhost'


def server():
    sock = socket(AF_INET, SOCK_STREAM)
    sock.bind(('', port))                  # every interface
    sock.listen(5)
    while True:
        conn, addr = sock.accept()         # the previous conn is closed only now
        data = conn.recv(1024)             # whatever one read returns
        reply = 'server got: [%s]' % data  # bytes formatted: b'...'
        conn.send(reply.encode())


def client(name):
    sock = socket(AF_INET, SOCK_STREAM)
    sock.connect((host, port))
    sock.send(name.encode())
    reply = sock.recv(1024)                # one read: no waiting for the close
    sock.close()
    print('client got: [%s]' % reply)


if __name__ == '__main__':
    from threading import Thread
    sthread = Thread(target=server)
    sthread.daemon = True
    sthread.start()
    for i in range(5):
        Thread(target=client, args=('client%s' % i,)).start()
