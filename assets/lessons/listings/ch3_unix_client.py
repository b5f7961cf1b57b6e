# Chapter 3, address families: the client finds an AF_UNIX server by its path; its own end needs no name.
import os
import socket
import sys
import tempfile

port = sys.argv[1] if len(sys.argv) > 1 else "8080"
path = os.path.join(tempfile.gettempdir(), "socketlab-%s.sock" % port)

client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.connect(path)
client.send(b"hello")
print("answer:", client.recv(1024))
client.close()
