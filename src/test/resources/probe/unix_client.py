import os
import socket
import tempfile

path = os.path.join(tempfile.gettempdir(), "socketlab-test-8080.sock")
client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
client.connect(path)
client.send(b"hello")
print(client.recv(1024))
client.close()
