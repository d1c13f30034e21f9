package io.realtimeagents.agent.internal.delivery;

import java.util.Map;
import java.util.function.BiConsumer;

/** A message as it arrived from a broker, seen by dispatch, logs and the dead-letter topic. */
public interface InboundMessage {
    /** {@code kafka} or {@code mqtt}. */
    String transport();

    /** The Kafka topic or MQTT topic it arrived on. */
    String topic();

    /** The topic tag of its meters: the Kafka topic, or the MQTT subscription's filter (bounded cardinality). */
    String metricsTopic();

    /** Its key, or null. */
    byte[] key();

    /** Its body. */
    byte[] value();

    /** A header's value (Kafka header, MQTT user property), or null. */
    String header(String name);

    /** The correlation id the message carries (a {@code correlation_id} header or user property), or null. */
    default String correlationId() {
        return header(Propagation.CORRELATION_ID);
    }

    /** Gives each original header (Kafka headers, MQTT user properties) to the consumer, in order. */
    void forEachHeader(BiConsumer<String, byte[]> consumer);

    /** Where it came from, as dead-letter headers: {@code dlq.original.*}. */
    Map<String, String> origin();

    /** A short description for logs, e.g. {@code record vitals-0@42}. */
    String describe();
}
