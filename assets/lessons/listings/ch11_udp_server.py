# Chapter 11, UDP: no connection, no stream -- each recvfrom() takes one whole datagram, however late.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
server.bind(("127.0.0.1", port))
time.sleep(0.2)  # both datagrams arrive before the first recvfrom
for _ in range(2):
    data, peer = server.recvfrom(1024)
    print("datagram from", peer, ":", data)
server.close()
