# Chapter 9, send() and sendall(): send() may take only part of what it is given -- it returns how much.
# sendall() calls it again and again until every byte is taken.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
data = b"x" * (4 * 1024 * 1024)
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.setblocking(False)
n = client.send(data)  # takes what fits in the send buffer now
print("send() took", n, "of", len(data), "bytes")
client.setblocking(True)
client.sendall(data[n:])  # the rest, however many calls it needs
client.close()
