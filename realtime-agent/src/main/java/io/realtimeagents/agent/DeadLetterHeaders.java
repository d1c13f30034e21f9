package io.realtimeagents.agent;

/**
 * Headers of a dead-letter record. The record keeps the original key, value and headers and adds these, each a UTF-8
 * string.
 */
public final class DeadLetterHeaders {
    /** The topic the message arrived on (Kafka topic or MQTT topic). */
    public static final String ORIGINAL_TOPIC = "dlq.original.topic";
    /** The Kafka partition it arrived on (Kafka records only). */
    public static final String ORIGINAL_PARTITION = "dlq.original.partition";
    /** The Kafka offset it had (Kafka records only). */
    public static final String ORIGINAL_OFFSET = "dlq.original.offset";
    /** The transport it arrived on, {@code mqtt}; absent on dead letters of Kafka records. */
    public static final String ORIGINAL_TRANSPORT = "dlq.original.transport";
    /** The QoS an MQTT message was delivered with. */
    public static final String ORIGINAL_QOS = "dlq.original.qos";
    /** The filter of the MQTT subscription that received it (with its named segments). */
    public static final String ORIGINAL_SUBSCRIPTION = "dlq.original.subscription";
    /** The Kafka topic an MQTT bridge could not produce the message to (bridged MQTT messages only). */
    public static final String BRIDGE_TOPIC = "dlq.bridge.topic";
    /**
     * Set when the dead letter itself was too large for the dead-letter topic: it then carries no value and none of
     * the original headers, and this header gives the original value's size in bytes.
     */
    public static final String PAYLOAD_OMITTED = "dlq.payload.omitted";
    /** The message type, when it could be determined. */
    public static final String MESSAGE_TYPE = "dlq.message.type";
    /** Why it was dead-lettered: one of the {@code REASON_*} values. */
    public static final String REASON = "dlq.reason";
    /** The class of the last error. */
    public static final String ERROR_CLASS = "dlq.error.class";
    /** The message of the last error (at most 1,000 characters). */
    public static final String ERROR_MESSAGE = "dlq.error.message";
    /** How many handler attempts were made. */
    public static final String ATTEMPTS = "dlq.attempts";
    /** The service that dead-lettered it. */
    public static final String SERVICE = "dlq.service";
    /** When it was dead-lettered, ISO-8601. */
    public static final String FAILED_AT = "dlq.failed.at";

    /** Reason: the body could not be decoded or named no message type; never retried. */
    public static final String REASON_DECODE = "decode";
    /** Reason: the handler failed on every attempt. */
    public static final String REASON_HANDLER = "handler";
    /** Reason: the handler found the message invalid ({@code InvalidMessageException}); never retried. */
    public static final String REASON_INVALID = "invalid";
    /**
     * Reason: an output of the handler (Kafka send, emit, broadcast, MQTT publish) was not acknowledged by its broker
     * on any attempt; {@link #OUTPUT} names it, the error headers carry its error.
     */
    public static final String REASON_OUTPUT = "output_failed";
    /** The output that failed, e.g. {@code kafka topic alerts} (reason {@code output_failed} only). */
    public static final String OUTPUT = "dlq.output";

    /** Reason: no handler is registered for the message type. */
    public static final String REASON_UNHANDLED = "unhandled";
    /**
     * Reason: an MQTT message matched none of the agent's subscriptions and bridges (the broker delivered it for a
     * filter of the persistent session that is no longer configured).
     */
    public static final String REASON_NO_ROUTE = "no_route";
    /**
     * Reason: an MQTT bridge could not produce the message to Kafka with an error that retrying cannot fix (record
     * too large, not authorised, topic missing or invalid), on every attempt.
     */
    public static final String REASON_BRIDGE = "bridge_failed";
    /**
     * Reason: an unexpected error escaped the normal handling of the message (an {@link Error} such as a {@link
     * StackOverflowError} thrown by a handler, or a fault of the agent itself): Kafka records are retried first,
     * MQTT messages are not.
     */
    public static final String REASON_INTERNAL = "internal_error";

    private DeadLetterHeaders() {}
}
