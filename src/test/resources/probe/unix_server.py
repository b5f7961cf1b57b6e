# An AF_UNIX echo server on a path named after the test's port (8080 is replaced).
import os
import socket
import tempfile

path = os.path.join(tempfile.gettempdir(), "socketlab-test-8080.sock")
if os.path.exists(path):
    os.remove(path)
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)
conn, _ = server.accept()
conn.send(conn.recv(1024).upper())
conn.close()
server.close()
os.remove(path)
