package io.realtimeagents.testkit;

import java.util.Optional;

/**
 * A running MQTT 5 broker that tests can connect to. Obtain the JVM's shared one from {@link MqttBrokers#shared()}
 * (or let {@link WithMqtt} inject it).
 */
public interface MqttBroker extends AutoCloseable {
    /** The host clients connect to, such as {@code 127.0.0.1}. */
    String host();

    /** The TCP port clients connect to. */
    int port();

    /** The Paho server URI, {@code tcp://host:port}. */
    default String serverUri() {
        return "tcp://" + host() + ":" + port();
    }

    /** What runs this broker, for logs and reports: {@code "embedded HiveMQ CE"} or {@code "external"}. */
    String kind();

    /**
     * Stops the broker and starts it again on the same port, keeping persistent sessions and their queued messages:
     * connected clients see the connection drop and must reconnect.
     *
     * @throws UnsupportedOperationException for a broker the test kit did not start
     */
    default void restart() {
        restart(() -> {});
    }

    /**
     * Like {@link #restart()}, running {@code whileStopped} while the broker is down (to observe clients during an
     * outage); the broker starts again even when it throws.
     *
     * @throws UnsupportedOperationException for a broker the test kit did not start
     */
    void restart(Runnable whileStopped);

    /**
     * The logins the broker accepts and has seen: open by default; {@link MqttLogins#require} restricts them.
     *
     * @throws UnsupportedOperationException for a broker the test kit did not start
     */
    default MqttLogins logins() {
        throw new UnsupportedOperationException(
                "Only the test kit's embedded broker checks logins; this one is " + kind());
    }

    /**
     * Like {@link #restart()}, but the broker forgets every persistent session and its queued messages, as a broker
     * that lost its disk would: clients reconnect to no session and must subscribe again.
     *
     * @throws UnsupportedOperationException for a broker the test kit did not start
     */
    default void restartWithoutSessions() {
        throw new UnsupportedOperationException(
                "Only the test kit's embedded broker can drop its sessions; this one is " + kind());
    }

    /** The broker's TLS listener, when it has one (the embedded broker does; an external one, as far as we know, not). */
    default Optional<MqttTls> tls() {
        return Optional.empty();
    }

    /** Stops the broker if this handle owns it; the shared broker ignores this call and stops at JVM exit. */
    @Override
    void close();
}
