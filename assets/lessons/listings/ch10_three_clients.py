# Chapter 10: three clients connect at once and each sends one message; then they leave one after the other,
# each saying it is done (shutdown for writing) and waiting for the server to close its end.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
clients = []
for i in range(1, 4):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", port))
    c.send(("client %d" % i).encode("utf-8"))
    clients.append(c)
time.sleep(0.5)  # all three stay connected a while: a server that can take them all has taken them
for i, c in enumerate(clients, 1):
    c.shutdown(socket.SHUT_WR)
    while True:
        answer = c.recv(1024)
        if not answer:
            break
        print("client %d got" % i, answer)
    c.close()
