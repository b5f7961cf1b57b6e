# Chapter 9, text is bytes: the server reads late, and the Chinese messages glue like any others.
import socket
import sys
import time

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(5)
conn, addr = server.accept()
time.sleep(0.1)
data = conn.recv(1024)
print(len(data), "bytes:", data.decode("utf-8"))
conn.close()
server.close()
