# Chapter 10, one thread for many clients: a selectors loop. select() says which sockets have something to take —
# the listening one a client to accept, a connection bytes to read — and one call can name several at once.
# This server is a little slow (busy elsewhere after each select), so clients that send meanwhile are ready together.
# (The tutorial's loop runs for ever; this one stops once its three clients have gone, so that the lesson's run ends.)
import select
import selectors
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
sel = selectors.DefaultSelector()
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
server.setblocking(False)
sel.register(server, selectors.EVENT_READ)
served = 0
gone = 0
while gone < 3:
    events = sel.select()
    time.sleep(0.1)  # busy elsewhere for a moment
    for key, _ in events:
        sock = key.fileobj
        if sock is server:
            while select.select([server], [], [], 0)[0]:  # every client waiting in the backlog, not only the first
                conn, addr = server.accept()
                conn.setblocking(False)
                sel.register(conn, selectors.EVENT_READ)
                served += 1
        else:
            data = sock.recv(1024)
            if data:
                sock.send(data.upper())
            else:
                sel.unregister(sock)
                sock.close()
                gone += 1
sel.close()
server.close()
