# Chapter 9, the final fix: read 4 bytes, unpack the header's length, read the JSON header, then exactly
# data_size bytes of body -- each read in a loop, since recv() may return less than asked.
import json
import socket
import struct
import sys
import time

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
time.sleep(0.1)  # late again: the messages are glued in the buffer, and the header takes them apart
while True:
    length = recv_exactly(conn, 4)
    if len(length) < 4:
        break
    head = json.loads(recv_exactly(conn, struct.unpack("i", length)[0]).decode("utf-8"))
    body = recv_exactly(conn, head["data_size"])
    print("message:", body)
conn.close()
server.close()
