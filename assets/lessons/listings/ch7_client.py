# Chapter 7: a client that sends one line and waits for the server to close first (recv returns b'').
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send(b"hello")
while client.recv(1024):
    pass
client.close()
