package io.realtimeagents.common.handler;

/** The context of an MQTT message: how it was delivered and what its publisher declared. */
public non-sealed interface MqttContext extends MessageContext {
    /** The QoS the message was delivered with: 0, 1 or 2. */
    int qos();

    /** The MQTT 5 content type of the message, or null when it has none. */
    String contentType();
}
