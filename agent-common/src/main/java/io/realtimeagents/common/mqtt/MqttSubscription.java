package io.realtimeagents.common.mqtt;

import io.realtimeagents.common.internal.Checks;

/**
 * A subscription of an agent: messages on topics matching the filter go to the handler of their message type, the
 * subscription's type when the message names none.
 *
 * <p>Configuration syntax ({@code MQTT_SUBSCRIPTIONS}, comma-separated): {@code <filter>[=<message_type>][@<qos>]},
 * e.g. {@code devices/{patient}/vitals/blood_pressure=blood_pressure@1}. The QoS defaults to 1.
 *
 * @param filter the topic filter
 * @param messageType the message type of messages that name none, or null
 * @param qos the maximum QoS the broker delivers with: 0, 1 or 2
 */
public record MqttSubscription(MqttTopicFilter filter, String messageType, int qos) {
    /** The QoS of subscriptions that name none. */
    public static final int DEFAULT_QOS = 1;

    /** Validates the QoS and the message type. */
    public MqttSubscription {
        Checks.notNull(filter, "filter");
        MqttChecks.qos(qos, filter.text());
        if (messageType != null && messageType.isBlank()) {
            throw new IllegalArgumentException("The message type of MQTT subscription '" + filter + "' is blank");
        }
    }

    /**
     * Parses {@code <filter>[=<message_type>][@<qos>]}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static MqttSubscription parse(String entry) {
        String text = entry.strip();
        int qos = MqttChecks.qosSuffix(text);
        if (qos >= 0) {
            text = text.substring(0, text.length() - 2);
        }
        int eq = text.lastIndexOf('=');
        String filter = eq < 0 ? text : text.substring(0, eq).strip();
        String type = eq < 0 ? null : text.substring(eq + 1).strip();
        if (type != null && type.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + entry + "' names no message type after '=': expected"
                            + " <filter>[=<message_type>][@<qos>], e.g. devices/{patient}/vitals/blood_pressure=blood_pressure@1");
        }
        return new MqttSubscription(MqttTopicFilter.parse(filter), type, qos < 0 ? DEFAULT_QOS : qos);
    }

    /** The configuration syntax of this subscription. */
    @Override
    public String toString() {
        return filter.text() + (messageType == null ? "" : "=" + messageType) + "@" + qos;
    }
}
