# The tutorial's socketserver.ThreadingTCPServer, echoing upper-cased (written fresh for the lab's tests).
# Prints its port, serves until its first client has gone, then exits.
import socketserver
import threading


class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            self.request.sendall(data.upper())
        threading.Thread(target=self.server.shutdown).start()


with socketserver.ThreadingTCPServer(('127.0.0.1', 0), Upper) as server:
    print(server.server_address[1], flush=True)
    server.serve_forever()
