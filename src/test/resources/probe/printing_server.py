# A chapter-7 style server that says what it does: before accept(), after it, each message, and after close().
import socket
import sys

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 8080))
server.listen(5)
print("waiting for a client")
conn, addr = server.accept()
print("connected:", addr[0])
while True:
    data = conn.recv(1024)
    if not data:
        break
    print("got", data)
    conn.send(data.upper())
print("the client left", file=sys.stderr)
conn.close()
print("closed")
server.close()
