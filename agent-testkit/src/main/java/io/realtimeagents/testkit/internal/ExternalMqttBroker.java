package io.realtimeagents.testkit.internal;

import io.realtimeagents.testkit.MqttBroker;

/**
 * An MQTT broker the test kit neither started nor stops.
 *
 * @param host its host
 * @param port its port
 */
public record ExternalMqttBroker(String host, int port) implements MqttBroker {
    /** Checks the address. */
    public ExternalMqttBroker {
        Checks.notBlank(host, "host");
        Checks.positive(port, "port");
    }

    @Override
    public String kind() {
        return "external";
    }

    @Override
    public void restart(Runnable whileStopped) {
        throw new UnsupportedOperationException("The external MQTT broker at " + host + ":" + port
                + " cannot be restarted by the test kit: use the embedded one (unset " + MqttBrokerChoice.SETTING
                + ")");
    }

    /** Does nothing: the broker is not ours. */
    @Override
    public void close() {
        // Intentionally empty.
    }
}
