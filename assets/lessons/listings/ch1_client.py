# Chapter 1: a client connects without calling bind(); the system gives its socket a port of its own.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
print("my socket's own address:", client.getsockname())
client.send(b"hello")
print("the server answered:", client.recv(1024))
client.close()
