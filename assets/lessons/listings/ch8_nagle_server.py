# Chapter 8, Nagle's algorithm meets the delayed ACK: the server answers one byte once it has two.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
while True:
    got = b""
    while len(got) < 2:  # a round is two bytes, however they arrive
        chunk = conn.recv(1024)
        if not chunk:
            break
        got += chunk
    if len(got) < 2:
        break
    conn.send(b"!")
conn.close()
server.close()
