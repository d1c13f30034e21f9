package io.realtimeagents.agent.internal.delivery;

import org.slf4j.MDC;

/**
 * The SLF4J MDC of a handling, on the thread that runs its handler (or task processor): {@code correlation_id},
 * {@code message_type} (the task type of a task) and {@code topic}, put when the handling starts and removed when it
 * ends. Outputs that complete on other threads (the
 * producer's, the MQTT client's) never see it, so it cannot leak there.
 */
public final class HandlingMdc {
    /** The MDC key of the correlation id. */
    static final String CORRELATION_ID = Propagation.CORRELATION_ID;
    /** The MDC key of the message (or event) type. */
    static final String MESSAGE_TYPE = "message_type";
    /** The MDC key of the Kafka or MQTT topic. */
    static final String TOPIC = "topic";

    private HandlingMdc() {}

    static void open(HandlingSubject subject) {
        open(
                subject.propagation().correlationId(),
                subject.type(),
                subject.message().topic());
    }

    /** Puts the entries given (not null) in the MDC of this thread; the handling of a task has no topic. */
    public static void open(String correlationId, String type, String topic) {
        MDC.put(CORRELATION_ID, correlationId);
        if (type != null) {
            MDC.put(MESSAGE_TYPE, type);
        }
        if (topic != null) {
            MDC.put(TOPIC, topic);
        }
    }

    /** Removes the entries from the MDC of this thread. */
    public static void close() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(MESSAGE_TYPE);
        MDC.remove(TOPIC);
    }
}
