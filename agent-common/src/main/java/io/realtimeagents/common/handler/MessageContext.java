package io.realtimeagents.common.handler;

import java.time.Instant;
import java.util.Map;

/** Where a message came from and how often it has been attempted, passed to every handler call. */
public interface MessageContext {
    /** The transport that delivered the message: {@code "kafka"} or {@code "mqtt"}. */
    String transport();

    /** The Kafka topic or MQTT topic the message arrived on. */
    String topic();

    /** The message key (Kafka record key), or null when it has none. */
    String key();

    /** The message type the message was dispatched by. */
    String messageType();

    /** The message headers (Kafka headers, MQTT user properties) as UTF-8 strings; last value wins. */
    Map<String, String> headers();

    /** One header's value, or null when absent. */
    default String header(String name) {
        return headers().get(name);
    }

    /** When the message was produced (Kafka record timestamp) or received. */
    Instant timestamp();

    /** The Kafka partition, or -1 for transports without partitions. */
    int partition();

    /** The Kafka offset, or -1 for transports without offsets. */
    long offset();

    /** 1 on the first attempt, 2 on the first retry, and so on. */
    int attempt();
}
