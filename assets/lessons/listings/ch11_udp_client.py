# Chapter 11, UDP: two sendto() calls to the server's address, no connect().
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto("hello world".encode("utf-8"), ("127.0.0.1", port))
client.sendto("haha".encode("utf-8"), ("127.0.0.1", port))
client.close()
