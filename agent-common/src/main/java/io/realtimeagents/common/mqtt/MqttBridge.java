package io.realtimeagents.common.mqtt;

import io.realtimeagents.common.internal.Checks;
import java.util.regex.Pattern;

/**
 * A declarative MQTT-to-Kafka bridge: messages on topics matching the filter are produced to a Kafka topic, keyed by
 * the value of one of the filter's named segments, and acknowledged to the MQTT broker only once Kafka stored them.
 *
 * <p>Configuration syntax ({@code MQTT_BRIDGES}, comma-separated): {@code <filter>=<kafka topic>[:<segment>][@<qos>]},
 * e.g. {@code devices/{patient}/vitals/#=health.vitals:patient}. Without a segment the records have no key. The QoS
 * defaults to 1.
 *
 * @param filter the topic filter
 * @param kafkaTopic the Kafka topic the messages are produced to
 * @param keyVariable the named segment whose value is the record key, or null for records without key
 * @param qos the maximum QoS the broker delivers with: 0, 1 or 2
 */
public record MqttBridge(MqttTopicFilter filter, String kafkaTopic, String keyVariable, int qos) {
    private static final Pattern KAFKA_TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    /** Validates the Kafka topic, the key segment and the QoS. */
    public MqttBridge {
        Checks.notNull(filter, "filter");
        Checks.notNull(kafkaTopic, "kafkaTopic");
        MqttChecks.qos(qos, filter.text());
        if (!KAFKA_TOPIC.matcher(kafkaTopic).matches() || kafkaTopic.equals(".") || kafkaTopic.equals("..")) {
            throw new IllegalArgumentException("The bridge of '" + filter + "' names '" + kafkaTopic
                    + "', which is not a valid Kafka topic name (1-249 of a-z A-Z 0-9 . _ -)");
        }
        if (keyVariable != null && !filter.hasVariable(keyVariable)) {
            throw new IllegalArgumentException("The bridge of '" + filter + "' takes its key from segment '"
                    + keyVariable + "', but the filter has "
                    + (filter.variables().isEmpty()
                            ? "no named segment: write one as {" + keyVariable + "}"
                            : "only " + filter.variables()));
        }
    }

    /**
     * Parses {@code <filter>=<kafka topic>[:<segment>][@<qos>]}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static MqttBridge parse(String entry) {
        String text = entry.strip();
        int qos = MqttChecks.qosSuffix(text);
        if (qos >= 0) {
            text = text.substring(0, text.length() - 2);
        }
        int eq = text.lastIndexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException(
                    "'" + entry + "' is not a bridge: expected"
                            + " <filter>=<kafka topic>[:<segment>][@<qos>], e.g. devices/{patient}/vitals/#=health.vitals:patient");
        }
        String target = text.substring(eq + 1).strip();
        int colon = target.indexOf(':');
        String topic = colon < 0 ? target : target.substring(0, colon);
        String key = colon < 0 ? null : target.substring(colon + 1).strip();
        return new MqttBridge(
                MqttTopicFilter.parse(text.substring(0, eq).strip()),
                topic,
                key == null || key.isEmpty() ? null : key,
                qos < 0 ? MqttSubscription.DEFAULT_QOS : qos);
    }

    /** The configuration syntax of this bridge. */
    @Override
    public String toString() {
        return filter.text() + "=" + kafkaTopic + (keyVariable == null ? "" : ":" + keyVariable) + "@" + qos;
    }
}
