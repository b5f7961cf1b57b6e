# A UDP server: each datagram answered upper-cased, to whoever sent it.
import socket

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind(("127.0.0.1", 8080))
for _ in range(2):
    data, peer = udp.recvfrom(1024)
    udp.sendto(data.upper(), peer)
udp.close()
