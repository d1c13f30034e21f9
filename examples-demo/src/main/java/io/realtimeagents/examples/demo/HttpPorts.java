package io.realtimeagents.examples.demo;

import java.io.IOException;
import java.net.ServerSocket;

/** Whether a TCP port can be listened on, as the agents' HTTP servers listen: on every interface. */
final class HttpPorts {
    private HttpPorts() {}

    /** Whether nothing listens on the port now (0 is always free: the system picks one). */
    static boolean isFree(int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket(port)) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }
}
