# Chapter 9, fixed-length messages: each one padded to 32 bytes before it is sent.
import socket
import sys

SIZE = 32
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
for text in ("hello world", "haha"):
    client.send(text.encode("utf-8").ljust(SIZE, b"\0"))
client.close()
