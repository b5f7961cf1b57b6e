# Chapter 6, the connection loop: a server that keeps reading one client until that client is gone.
# A client that closes normally makes recv() return b'' (end of stream); one that aborts the connection
# makes recv() raise ConnectionResetError. Both end the loop; neither stops the server with a traceback.
# The port is the first argument (8080 when none), so that several copies can run side by side.
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
print("a client connected from", addr)
while True:
    try:
        data = conn.recv(1024)
    except ConnectionResetError:
        print("the client aborted the connection (reset)")
        break
    if not data:
        print("the client closed the connection: recv returned", data)
        break
    print("received:", data)
    conn.send(data.upper())
conn.close()
server.close()
