# A client that hands the kernel 32 MiB in one sendall() to a server that reads slowly: it is stopped mid-call.
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(("127.0.0.1", 8080))
sock.sendall(b"x" * (32 * 1024 * 1024))
sock.close()
