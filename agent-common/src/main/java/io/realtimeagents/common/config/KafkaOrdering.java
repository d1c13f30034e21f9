package io.realtimeagents.common.config;

import java.util.Locale;

/** In what order an agent handles the records of the Kafka topics it consumes. */
public enum KafkaOrdering {
    /**
     * One record of a partition at a time, in offset order (the default): simplest, and enough for handlers that
     * compute; a handler that waits on I/O caps the agent at partitions divided by its latency.
     */
    PARTITION,
    /**
     * Records of one key in offset order, records of different keys concurrently, within a partition too: for
     * handlers that wait on I/O (a database, an HTTP call, a model) and need per-key order (per patient, per device).
     */
    KEY,
    /** Every record concurrently, in no order: for independent records whose handlers wait on I/O. */
    UNORDERED;

    static KafkaOrdering parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The configuration spelling, e.g. {@code key}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
