package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.MqttHeaders;
import io.realtimeagents.agent.internal.delivery.InboundMessage;
import io.realtimeagents.agent.internal.delivery.Outcome;
import io.realtimeagents.agent.internal.delivery.Propagation;
import io.realtimeagents.agent.internal.mqtt.AckSequencer.Ticket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * An arrived MQTT message with its route (null when none of the agent's subscriptions and bridges matches it) and its
 * place in the acknowledgement order.
 */
final class MqttInbound implements InboundMessage {
    /** The meters' topic tag of messages without a route (their topics are unbounded). */
    static final String NO_ROUTE = "(no route)";

    private final String topic;
    private final MqttMessage message;
    private final MqttRoutes.Match route;
    private final Ticket ticket;
    private final Instant receivedAt = Instant.now();
    private Map<String, String> userProperties;
    private volatile FailedOutputs failedOutputs;

    MqttInbound(String topic, MqttMessage message, MqttRoutes.Match route, Ticket ticket) {
        this.topic = topic;
        this.message = message;
        this.route = route;
        this.ticket = ticket;
    }

    MqttMessage message() {
        return message;
    }

    MqttRoutes.Match route() {
        return route;
    }

    Ticket ticket() {
        return ticket;
    }

    /** Records that outputs of the message's handling failed after its handler returned, to handle it again. */
    void failedOutputs(Outcome outcome, Throwable error) {
        failedOutputs = new FailedOutputs(outcome, error);
    }

    /** The failed outputs of the message's last handling, cleared; null when it has not been handled yet. */
    FailedOutputs takeFailedOutputs() {
        FailedOutputs taken = failedOutputs;
        failedOutputs = null;
        return taken;
    }

    /**
     * Outputs of a handling that failed after its handler returned.
     *
     * @param outcome the handling
     * @param error the first output's failure
     */
    record FailedOutputs(Outcome outcome, Throwable error) {}

    Instant receivedAt() {
        return receivedAt;
    }

    int qos() {
        return message.getQos();
    }

    String contentType() {
        return message.getProperties().getContentType();
    }

    /** The MQTT 5 user properties; the last value of a repeated name wins. */
    Map<String, String> userProperties() {
        if (userProperties == null) {
            Map<String, String> all = new LinkedHashMap<>();
            for (UserProperty property : message.getProperties().getUserProperties()) {
                all.put(property.getKey(), property.getValue());
            }
            userProperties = Collections.unmodifiableMap(all);
        }
        return userProperties;
    }

    /** The bridge key (a named segment's value), or null. */
    String bridgeKey() {
        return route == null || route.bridge() == null || route.bridge().keyVariable() == null
                ? null
                : route.variables().get(route.bridge().keyVariable());
    }

    @Override
    public String transport() {
        return "mqtt";
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public String metricsTopic() {
        return route == null ? NO_ROUTE : route.filter().text();
    }

    @Override
    public byte[] key() {
        String key = bridgeKey();
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] value() {
        return message.getPayload();
    }

    @Override
    public String header(String name) {
        return userProperties().get(name);
    }

    /** MQTT 5 correlation data (as UTF-8), else a {@code correlation_id} user property, else null. */
    @Override
    public String correlationId() {
        byte[] data = message.getProperties().getCorrelationData();
        if (data != null && data.length > 0) {
            return new String(data, StandardCharsets.UTF_8);
        }
        return header(Propagation.CORRELATION_ID);
    }

    @Override
    public void forEachHeader(BiConsumer<String, byte[]> consumer) {
        for (UserProperty property : message.getProperties().getUserProperties()) {
            consumer.accept(property.getKey(), property.getValue().getBytes(StandardCharsets.UTF_8));
        }
        if (contentType() != null) {
            consumer.accept(MqttHeaders.CONTENT_TYPE, contentType().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public Map<String, String> origin() {
        Map<String, String> origin = new LinkedHashMap<>();
        origin.put(DeadLetterHeaders.ORIGINAL_TOPIC, topic);
        origin.put(DeadLetterHeaders.ORIGINAL_TRANSPORT, "mqtt");
        origin.put(DeadLetterHeaders.ORIGINAL_QOS, Integer.toString(qos()));
        if (route != null) {
            origin.put(DeadLetterHeaders.ORIGINAL_SUBSCRIPTION, route.filter().text());
            if (route.bridge() != null) {
                origin.put(DeadLetterHeaders.BRIDGE_TOPIC, route.bridge().kafkaTopic());
            }
        }
        return origin;
    }

    @Override
    public String describe() {
        return "MQTT message on " + topic + " (QoS " + qos() + ", id " + message.getId() + ")";
    }
}
