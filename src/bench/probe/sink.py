# The benchmark's receiver (never traced): reads each connection to its end, then closes it.
#   python3 sink.py [GREETING]
# With a GREETING ("step 0"), it first writes that line to each connection: so it stands for a lab that only
# takes the probe's reports -- it answers the probe's hello and reads every report without looking at it.
# Prints the port it listens on.
import socket
import sys
import threading

greeting = (sys.argv[1] + "\n").encode("ascii") if len(sys.argv) > 1 else b""
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(16)
print(srv.getsockname()[1], flush=True)


def drain(conn):
    if greeting:
        conn.sendall(greeting)
    buf = bytearray(1 << 20)
    while conn.recv_into(buf):
        pass
    conn.close()


while True:
    c, _ = srv.accept()
    threading.Thread(target=drain, args=(c,), daemon=True).start()
