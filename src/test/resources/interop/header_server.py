# A server in the tutorial's style: read 4 bytes, unpack the header length with struct 'i',
# read and json-decode the header, then read data_size bytes. Prints one JSON line per message.
# Usage: python3 header_server.py   (prints the port it listens on first)
import json
import socket
import struct
import sys


def recv_exactly(conn, n):
    chunks = []
    while n > 0:
        data = conn.recv(min(n, 1024))
        if not data:
            return None
        chunks.append(data)
        n -= len(data)
    return b''.join(chunks)


server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('127.0.0.1', 0))
server.listen(5)
print(server.getsockname()[1], flush=True)
conn, addr = server.accept()
while True:
    raw = recv_exactly(conn, 4)
    if raw is None:
        break
    head_len = struct.unpack('i', raw)[0]
    head = json.loads(recv_exactly(conn, head_len).decode('utf8'))
    body = recv_exactly(conn, head['data_size'])
    print(json.dumps({'header': head, 'text': body.decode('utf8')}), flush=True)
conn.close()
server.close()
