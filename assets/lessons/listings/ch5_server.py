# Chapter 5: a server that waits in recv() for what its client sends.
# The port is the first argument (8080 when none), so that several copies can run side by side.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
data = conn.recv(1024)  # waits here until bytes (or the end of the stream) arrive
print("recv returned:", data)
conn.send(data.upper())
conn.close()
server.close()
