package io.realtimeagents.agent;

/**
 * Kafka headers that MQTT bridges add to the records they produce (besides the message's MQTT 5 user properties,
 * copied as headers), and that MQTT dead letters carry. Each value is a UTF-8 string.
 */
public final class MqttHeaders {
    /** The MQTT topic the message was published to. */
    public static final String TOPIC = "mqtt.topic";
    /** The QoS it was delivered with. */
    public static final String QOS = "mqtt.qos";
    /** Its MQTT 5 content type, when it has one. */
    public static final String CONTENT_TYPE = "mqtt.content.type";
    /** Its message type, when known: a {@code message_type} user property, or the type of a matching subscription. */
    public static final String MESSAGE_TYPE = "message_type";

    private MqttHeaders() {}
}
