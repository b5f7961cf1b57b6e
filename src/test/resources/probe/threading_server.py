# socketserver's ThreadingTCPServer: a thread per client, each answered upper-cased until it closes.
import socketserver


class Upper(socketserver.BaseRequestHandler):
    def handle(self):
        while True:
            data = self.request.recv(1024)
            if not data:
                break
            print("got", data)  # from the handler's thread: the line belongs to its client's connection
            self.request.sendall(data.upper())


if __name__ == "__main__":
    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 8080), Upper)
    server.serve_forever()
