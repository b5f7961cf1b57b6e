package socketlab.ui.timeline;

import socketlab.trace.Conn;
import socketlab.trace.ConnectionRow;

/** Which way the bytes of a pair of lanes go: which end of the row sends them, which receives them, and the lanes' names. */
enum Direction {
    CLIENT_TO_SERVER("timeline.lane.clientSend", "timeline.lane.serverRecv", "timeline.lane.clientSendto", "timeline.lane.serverRecvfrom"),
    SERVER_TO_CLIENT("timeline.lane.serverSend", "timeline.lane.clientRecv", "timeline.lane.serverSendto", "timeline.lane.clientRecvfrom");

    final String sendKey;
    final String recvKey;
    final String sendtoKey;
    final String recvfromKey;

    Direction(String sendKey, String recvKey, String sendtoKey, String recvfromKey) {
        this.sendKey = sendKey;
        this.recvKey = recvKey;
        this.sendtoKey = sendtoKey;
        this.recvfromKey = recvfromKey;
    }

    Conn sender(ConnectionRow r) {
        return this == CLIENT_TO_SERVER ? r.client() : r.server();
    }

    Conn receiver(ConnectionRow r) {
        return this == CLIENT_TO_SERVER ? r.server() : r.client();
    }
}
