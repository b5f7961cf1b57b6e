# Chapter 9, the sleep "fix" seen from the other side: this server is slower than the client's sleep.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
time.sleep(0.2)  # longer than the client's 0.05 s pause: both messages are waiting again
first = conn.recv(1024)
print("first recv:", first)
conn.close()
server.close()
