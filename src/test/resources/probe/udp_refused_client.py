# A connected UDP socket sends to a port nobody listens on (8080 is replaced by a free one).
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(2)
s.connect(("127.0.0.1", 8080))
s.send(b"anyone there?")
try:
    s.recv(1024)
except ConnectionRefusedError as e:
    print("refused:", e)
s.close()
