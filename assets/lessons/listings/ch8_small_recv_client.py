# Chapter 8, the second case: a 14-byte message and a 4-byte one, sent back to back.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send("hello xuyaping".encode("utf-8"))
client.send("haha".encode("utf-8"))
client.close()
