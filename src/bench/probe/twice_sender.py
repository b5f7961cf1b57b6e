# The ceiling of any probe that ships every byte to the lab: the sender's messages, each sent with sendall()
# to the receiver and then again to a second one (its own process, standing for the lab), with nothing else
# done -- no timing, no batching, no reports. Prints the seconds the first copy took, as sender.py does.
import socket
import sys
import time

port, copy_port, size, count = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
body = b"x" * size
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.connect(("127.0.0.1", port))
copy = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
copy.connect(("127.0.0.1", copy_port))
t0 = time.perf_counter()
for _ in range(count):
    s.sendall(body)
    copy.sendall(body)
s.shutdown(socket.SHUT_WR)
s.recv(1)
t1 = time.perf_counter()
copy.close()
s.close()
print("seconds %.6f" % (t1 - t0), file=sys.stderr)
