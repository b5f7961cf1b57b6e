# Chapter 6: a client that leaves abruptly. SO_LINGER on with a linger time of 0 makes close() abort the
# connection: the kernel sends a reset (RST) instead of the ordinary goodbye (FIN).
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send(b"bye")
print("the server answered:", client.recv(1024))
client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
client.close()
