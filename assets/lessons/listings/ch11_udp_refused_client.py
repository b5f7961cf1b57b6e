# Chapter 11, UDP with nobody listening: sendto() from an unconnected socket meets silence; after
# connect() the kernel passes on the "port unreachable" it got back, and recv() raises.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080  # a port no program listens on

loose = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
loose.settimeout(0.5)
loose.sendto(b"anyone there?", ("127.0.0.1", port))
try:
    print("unconnected:", loose.recvfrom(1024))
except socket.timeout:
    print("unconnected: nothing came back in 0.5 s")
loose.close()

tied = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
tied.settimeout(0.5)
tied.connect(("127.0.0.1", port))
tied.send(b"anyone there?")
try:
    print("connected:", tied.recv(1024))
except ConnectionRefusedError as e:
    print("connected:", e)
except socket.timeout:
    print("connected: nothing came back in 0.5 s")
tied.close()
