# Chapter 6: a client that says goodbye and closes its socket the ordinary way (FIN).
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 8080
client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", port))
client.send(b"bye")
print("the server answered:", client.recv(1024))
client.close()
