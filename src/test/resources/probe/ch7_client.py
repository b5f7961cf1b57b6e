# A chapter-7 style client: each line typed is sent, and the answer printed.
import socket

client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
client.connect(("127.0.0.1", 8080))
while True:
    try:
        line = input(">> ").strip()
    except EOFError:
        break
    if not line:
        continue
    client.send(line.encode("utf-8"))
    answer = client.recv(1024)
    print(answer.decode("utf-8"))
client.close()
