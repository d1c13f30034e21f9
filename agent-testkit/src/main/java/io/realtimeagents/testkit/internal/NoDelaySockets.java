package io.realtimeagents.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Plain sockets with TCP_NODELAY: without it, QoS 1 round trips wait for delayed ACKs and publishing crawls. */
public final class NoDelaySockets extends SocketFactory {
    private static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private NoDelaySockets() {}

    /** The factory. */
    public static SocketFactory factory() {
        return INSTANCE;
    }

    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("unconnected sockets only");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("unconnected sockets only");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("unconnected sockets only");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("unconnected sockets only");
    }
}
