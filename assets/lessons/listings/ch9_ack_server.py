# Chapter 9, "send the length, wait for ok, then the data": the server answers every length with b"ok".
import socket
import struct
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
while True:
    length = conn.recv(4)
    if len(length) < 4:
        break
    n = struct.unpack("i", length)[0]
    conn.send(b"ok")
    print("message:", conn.recv(n))
conn.close()
server.close()
