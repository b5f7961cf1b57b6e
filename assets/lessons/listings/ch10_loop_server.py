# Chapter 10, one client at a time: the connection loop. accept() one client, talk to it until it leaves,
# close, and only then accept() the next; the others wait in the listen backlog meanwhile.
# (The tutorial's loop runs for ever; this one stops after three clients, so that the lesson's run ends.)
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
for _ in range(3):
    conn, addr = server.accept()
    print("serving", addr)
    while True:
        data = conn.recv(1024)
        if not data:
            break
        conn.send(data.upper())
    conn.close()
server.close()
