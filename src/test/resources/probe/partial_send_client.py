# A non-blocking send() of 4 MiB to a server that does not read yet, then sendall() of the rest.
import socket

data = b"x" * (4 * 1024 * 1024)
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
c.connect(("127.0.0.1", 8080))
c.setblocking(False)
n = c.send(data)
c.setblocking(True)
c.sendall(data[n:])
c.close()
