package io.realtimeagents.common.handler;

/** The context of a Kafka record: where in its topic it is. */
public non-sealed interface KafkaContext extends MessageContext {
    /** The record's partition. */
    int partition();

    /** The record's offset in its partition. */
    long offset();
}
