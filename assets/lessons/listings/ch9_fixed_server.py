# Chapter 9, fixed-length messages: every message is exactly 32 bytes, padded with NUL bytes, so the
# server reads 32 bytes at a time and strips the padding.
import socket
import sys
import time

SIZE = 32
port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080


def recv_exactly(conn, n):
    got = b""
    while len(got) < n:
        chunk = conn.recv(n - len(got))
        if not chunk:
            return got
        got += chunk
    return got


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
time.sleep(0.1)  # both blocks are waiting: glued in the buffer, apart again by their size
while True:
    block = recv_exactly(conn, SIZE)
    if len(block) < SIZE:
        break
    print("message:", block.rstrip(b"\0"))
conn.close()
server.close()
