package io.realtimeagents.testkit;

import io.realtimeagents.testkit.internal.EmbeddedHiveMqBroker;
import io.realtimeagents.testkit.internal.ExternalMqttBroker;
import io.realtimeagents.testkit.internal.MqttBrokerChoice;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * Where tests get their MQTT 5 broker.
 *
 * <p>The shared broker is chosen by the system property or environment variable {@value #SETTING}:
 *
 * <ul>
 *   <li>unset, empty or {@code embedded}: an embedded HiveMQ Community Edition broker in the test JVM, on a free port
 *       of {@code 127.0.0.1}, with per-client queues raised for persistent-session tests;
 *   <li>{@code external:<host>:<port>}: an existing broker, neither started nor stopped here.
 * </ul>
 */
public final class MqttBrokers {
    /** Name of the system property and environment variable that chooses the shared broker. */
    public static final String SETTING = MqttBrokerChoice.SETTING;

    private static final Object LOCK = new Object();
    private static MqttBroker shared; // guarded by LOCK
    private static MqttBroker started; // guarded by LOCK: the broker behind shared
    private static RuntimeException startFailure; // guarded by LOCK

    private MqttBrokers() {}

    /**
     * The broker shared by every test in this JVM, started by the first call and stopped when the JVM exits. Closing
     * the returned handle does nothing. Thread-safe; every call returns the same instance.
     *
     * @throws IllegalArgumentException if {@value #SETTING} has an invalid value
     * @throws IllegalStateException if the broker cannot be started, now or at an earlier attempt
     */
    public static MqttBroker shared() {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw new IllegalStateException(
                        "The shared MQTT broker failed to start earlier: " + startFailure.getMessage(), startFailure);
            }
            if (shared == null) {
                try {
                    MqttBroker broker = MqttBrokerChoice.fromEnvironment().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "realtime-agents-mqtt-shutdown"));
                    started = broker;
                    shared = new SharedMqttBroker(broker);
                } catch (RuntimeException e) {
                    startFailure = e;
                    throw e;
                }
            }
            return shared;
        }
    }

    /**
     * Stops the shared broker now, if it runs, rather than in a JVM shutdown hook; a later {@link #shared()} starts
     * a new one. {@link MqttBrokerExtension} calls this when the test plan ends, so the broker stops while the JVM is
     * still whole.
     */
    static void stopShared() {
        synchronized (LOCK) {
            if (started != null) {
                started.close();
            }
            started = null;
            shared = null;
        }
    }

    /**
     * A handle of an existing broker, such as a Mosquitto on {@code 127.0.0.1:1883}; it is neither started nor
     * stopped here.
     */
    public static MqttBroker external(String host, int port) {
        return new ExternalMqttBroker(host, port);
    }

    /** Whether something accepts TCP connections at host:port within the timeout. */
    public static boolean isReachable(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts a new embedded broker on a free port; the caller closes it. Only one may run per JVM at a time. */
    /**
     * Starts an embedded HiveMQ CE broker of its own on free ports of {@code 127.0.0.1} (TCP, and TLS with the test
     * kit's certificates), for a caller that controls its life: {@link MqttBroker#close()} stops it and deletes its
     * files. Tests normally use {@link #shared()} instead; the one-command demo owns one.
     *
     * @throws IllegalStateException when it cannot start
     */
    public static MqttBroker startEmbedded() {
        return EmbeddedHiveMqBroker.start();
    }

    private record SharedMqttBroker(MqttBroker delegate) implements MqttBroker {
        @Override
        public String host() {
            return delegate.host();
        }

        @Override
        public int port() {
            return delegate.port();
        }

        @Override
        public String kind() {
            return delegate.kind();
        }

        @Override
        public void restart(Runnable whileStopped) {
            delegate.restart(whileStopped);
        }

        @Override
        public void restartWithoutSessions() {
            delegate.restartWithoutSessions();
        }

        @Override
        public MqttLogins logins() {
            return delegate.logins();
        }

        @Override
        public Optional<MqttTls> tls() {
            return delegate.tls();
        }

        /** Does nothing: the shared broker lives until the JVM exits. */
        @Override
        public void close() {
            // Intentionally empty.
        }
    }
}
