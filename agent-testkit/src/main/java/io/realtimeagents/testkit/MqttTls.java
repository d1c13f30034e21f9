package io.realtimeagents.testkit;

import java.nio.file.Path;

/**
 * The TLS listener of the test kit's embedded MQTT broker: its certificate (for {@code localhost} and
 * {@code 127.0.0.1}) is signed by a certificate authority made for this broker, whose certificate is in
 * {@code caFile} (PEM), e.g. for {@code MQTT_TLS_CA_FILE}.
 *
 * @param host the host to connect to
 * @param port the TLS port
 * @param caFile the PEM file of the certificate authority that signed the broker's certificate
 */
public record MqttTls(String host, int port, Path caFile) {
    /** The Paho server URI, {@code ssl://host:port}. */
    public String serverUri() {
        return "ssl://" + host + ":" + port;
    }
}
