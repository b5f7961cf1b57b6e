# Chapter 9, "send the length, wait for ok, then the data": correct, but every message waits for the
# server once before its bytes may go.
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
for text in ("hello world", "haha"):
    data = text.encode("utf-8")
    client.send(struct.pack("i", len(data)))
    client.recv(2)  # b"ok": the server is ready for this many bytes
    client.send(data)
client.close()
