package io.realtimeagents.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
final class LoopbackPorts {
    /** The address every in-JVM listener binds to. */
    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {}

    /**
     * A port that was free on {@link #HOST} a moment ago. Another process may take it before it is bound again, so
     * callers retry on {@link #isPortClash(Throwable)}.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    /** Whether {@code failure} or one of its causes reports a port that is already in use. */
    static boolean isPortClash(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException
                    || String.valueOf(cause.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }
}
