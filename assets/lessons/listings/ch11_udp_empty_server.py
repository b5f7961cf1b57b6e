# Chapter 11, an empty datagram: UDP sends it, and recvfrom() returns it -- b'' with the sender's address.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", port))
data, peer = server.recvfrom(1024)
print("recvfrom(1024):", data, "from", peer)
server.close()
