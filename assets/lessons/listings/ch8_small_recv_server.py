# Chapter 8, the second case: a recv() smaller than the message takes only part of it, the rest waits.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
time.sleep(0.1)  # both messages are waiting before the first recv
part = conn.recv(2)
rest = conn.recv(20)
print("recv(2):", part)
print("recv(20):", rest)
conn.close()
server.close()
