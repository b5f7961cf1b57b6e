# Chapter 8, Nagle's algorithm meets the delayed ACK: write, write, read. With Nagle on (Python's default)
# the second small write waits until the first is acknowledged, and the receiver delays that ACK.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)  # Nagle on, as it is unless turned off
client.connect(("127.0.0.1", port))
rounds = []
for _ in range(9):
    start = time.perf_counter()
    client.send(b"a")
    client.send(b"b")
    client.recv(1)
    rounds.append((time.perf_counter() - start) * 1000)
client.close()
print("rounds (ms):", " ".join("%.1f" % r for r in rounds))
