package io.realtimeagents.common.handler;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where a message came from and how often it has been attempted, passed to every handler call. Its type tells the
 * transport: a {@link KafkaContext} (partition, offset) for a Kafka record, an {@link MqttContext} (QoS, content type)
 * for an MQTT message, e.g. {@code if (context instanceof KafkaContext kafka) log(kafka.offset())}.
 */
public sealed interface MessageContext permits KafkaContext, MqttContext {
    /**
     * The name of the correlation id wherever it travels: a Kafka header, an MQTT 5 user property, a field of a JSON
     * envelope or event.
     */
    String CORRELATION_ID = "correlation_id";

    /** The Kafka topic or MQTT topic the message arrived on. */
    String topic();

    /** The message key (Kafka record key), or null when it has none (MQTT messages have none). */
    String key();

    /** The message type the message was dispatched by. */
    String messageType();

    /** The message headers (Kafka headers, MQTT user properties) as UTF-8 strings; last value wins. */
    Map<String, String> headers();

    /** One header's value, or null when absent. */
    default String header(String name) {
        return headers().get(name);
    }

    /**
     * The correlation id of this handling: the message's own (a {@code correlation_id} Kafka header, MQTT 5
     * correlation data or {@code correlation_id} user property, a {@code correlation_id} field of its JSON envelope or
     * event), else a new random one. Every output the handling starts carries it (a {@code correlation_id} header on
     * Kafka records, the {@code correlation_id} field of emitted events, a user property on MQTT publishes), and the
     * handler's log lines have it in the SLF4J MDC as {@code correlation_id}.
     */
    String correlationId();

    /** When the message was produced (Kafka record timestamp) or received. */
    Instant timestamp();

    /** 1 on the first attempt, 2 on the first retry, and so on. */
    int attempt();

    /**
     * Makes an output part of this handling: the message counts as handled (its offset committed, its MQTT message
     * acknowledged) only once the output completed, and when it fails the handling fails (retried, then
     * dead-lettered with reason {@code output_failed}). Outputs the handler starts on its own thread with the agent's
     * verbs ({@code emit}, {@code sendKafkaMessage}, {@code broadcast}, {@code publishMqtt}) are part of it without
     * this; use it for an output started on another thread, or one of your own (an HTTP call, a database write),
     * before the handler returns. Outputs started on other threads and not tracked are fire-and-forget: outside the
     * delivery guarantee.
     *
     * @param output the output's completion
     * @return the same stage
     * @throws IllegalStateException when the handler already returned
     */
    <T> CompletionStage<T> track(CompletionStage<T> output);

    /**
     * The values of the named segments of the MQTT subscription that matched the topic: for the filter
     * {@code devices/{patient}/vitals/#} and the topic {@code devices/p1/vitals/bp}, {@code {patient=p1}}. Empty for
     * Kafka records and filters without named segments.
     */
    default Map<String, String> topicVariables() {
        return Map.of();
    }

    /** One named segment's value, or null when the subscription has no segment of that name. */
    default String topicVariable(String name) {
        return topicVariables().get(name);
    }
}
