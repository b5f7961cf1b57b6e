# A UDP client: two datagrams, each answer read with recvfrom().
import socket

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for word in ("hello", "udp"):
    udp.sendto(word.encode("utf-8"), ("127.0.0.1", 8080))
    answer, _ = udp.recvfrom(1024)
    print(answer.decode("utf-8"))
udp.close()
