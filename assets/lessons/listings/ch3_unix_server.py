# Chapter 3, address families: an AF_UNIX server binds a file-system path, not an IP address and a port.
# The path is a file while the socket is bound, and stays behind after close() until it is removed.
import os
import socket
import sys
import tempfile

port = sys.argv[1] if len(sys.argv) > 1 else "8080"
path = os.path.join(tempfile.gettempdir(), "socketlab-%s.sock" % port)  # the two programs agree on it
if os.path.exists(path):
    os.remove(path)

server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(5)
print("bound to", server.getsockname(), "- a file now:", os.path.exists(path))
conn, addr = server.accept()
print("a client connected from", repr(addr), "(unnamed)")
data = conn.recv(1024)
conn.send(data.upper())
conn.close()
server.close()
print("after close() the file is still there:", os.path.exists(path))
os.remove(path)
