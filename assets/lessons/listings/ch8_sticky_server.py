# Chapter 8, sticky packets: a server that gets round to reading late, then reads twice with recv(1024).
# The port is the first argument (8080 when none), so that several copies can run side by side.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
time.sleep(0.1)  # busy elsewhere for a moment: both sends are in the kernel before the first recv
first = conn.recv(1024)
second = conn.recv(1024)
print("first recv:", first)
print("second recv:", second)
conn.close()
server.close()
