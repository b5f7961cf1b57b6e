# Chapter 11: an empty datagram, sendto(b'').
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
client.sendto(b"", ("127.0.0.1", port))
client.close()
