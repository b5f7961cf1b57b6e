# Chapter 8, sticky packets: two send() calls, one right after the other, then goodbye.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send("hello world".encode("utf-8"))
client.send("haha".encode("utf-8"))
client.close()
