# A UDP client in the tutorial's style: sendto each message, recvfrom(1024) the answer.
# Usage: python3 udp_client.py PORT MSG...   prints each answer on a line
import socket
import sys

port = int(sys.argv[1])
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.settimeout(5)
for text in sys.argv[2:]:
    udp.sendto(text.encode('utf-8'), ('127.0.0.1', port))
    data, addr = udp.recvfrom(1024)
    print(data.decode('utf-8'), flush=True)
udp.close()
