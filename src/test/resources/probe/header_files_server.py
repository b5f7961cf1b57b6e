# Reads what header_files_client.py sends: the length, the header, then a recv() loop for the body.
import json
import socket
import struct

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 8080))
server.listen(5)
conn, _ = server.accept()
while True:
    prefix = conn.recv(4)
    if not prefix:
        break
    head_len = struct.unpack("i", prefix)[0]
    head = json.loads(conn.recv(head_len).decode("utf-8"))
    got = b""
    while len(got) < head["data_size"]:
        got += conn.recv(min(1024, head["data_size"] - len(got)))
    print(head["filename"], len(got))
conn.close()
server.close()
