# The benchmark's sender: COUNT messages of SIZE bytes with sendall(), then waits for the receiver to
# have read them all (it closes after EOF); prints the seconds this took on its last line.
import socket
import sys
import time

port, size, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
body = b"x" * size
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
t0 = time.perf_counter()
for _ in range(count):
    s.sendall(body)
s.shutdown(socket.SHUT_WR)
s.recv(1)
t1 = time.perf_counter()
s.close()
print("seconds %.6f" % (t1 - t0), file=sys.stderr)
