"""Lutz socket-preview-progs.py, written from the book's description: the
same server and client as separate programs. 1 = server forever, 2 = one
client process, anything else = 5 client threads."""
import sys, os
from threading import Thread
from socket_preview import server, client

mode = int(sys.argv[1])
if mode == 1:
    server()
elif mode == 2:
    client('client:process=%s' % os.getpid())
else:
    for i in range(5):
        Thread(target=client, args=('client:thread=%s' % i,)).start()
