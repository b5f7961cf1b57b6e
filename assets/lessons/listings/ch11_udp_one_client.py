# Chapter 11: one datagram of 11 bytes to the server, no connect().
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto("hello world".encode("utf-8"), ("127.0.0.1", port))
client.close()
