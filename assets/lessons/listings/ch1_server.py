# Chapter 1, the calls in order: socket, bind, listen, accept, recv, send, close.
# accept() returns the new connection and the client's address: its port is one the client never chose.
# The port is the first argument (8080 when none), so that several copies can run side by side.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
print("accepted a client at", addr)
data = conn.recv(1024)
print("received:", data)
conn.send(data.upper())
conn.close()
server.close()
