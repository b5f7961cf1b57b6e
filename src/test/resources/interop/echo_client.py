# A tutorial-style TCP client: connect, send one message, print the answer, close.
import socket
import sys

port, msg = int(sys.argv[1]), sys.argv[2]
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(('127.0.0.1', port))
client.send(msg.encode('utf-8'))
print(client.recv(1024).decode('utf-8'), flush=True)
client.close()
