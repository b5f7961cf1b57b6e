# Three clients connect at once and each sends one message; then each says it is done and prints the answer.
import socket
import time

clients = []
for i in range(1, 4):
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", 8080))
    c.send(("client %d" % i).encode("utf-8"))
    clients.append(c)
time.sleep(0.3)
for i, c in enumerate(clients, 1):
    c.shutdown(socket.SHUT_WR)
    while True:
        answer = c.recv(1024)
        if not answer:
            break
        print("client %d got" % i, answer)
    c.close()
