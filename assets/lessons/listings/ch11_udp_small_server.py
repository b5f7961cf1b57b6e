# Chapter 11, a datagram larger than recvfrom() asks for: it comes whole off the wire, and what does not
# fit in the 5 bytes asked is thrown away, not kept for the next call as a stream would.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", port))
data, peer = server.recvfrom(5)
print("recvfrom(5):", data)
server.close()
