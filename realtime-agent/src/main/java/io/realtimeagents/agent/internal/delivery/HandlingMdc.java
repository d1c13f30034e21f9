package io.realtimeagents.agent.internal.delivery;

import org.slf4j.MDC;

/**
 * The SLF4J MDC of a handling, on the thread that runs its handler: {@code correlation_id}, {@code message_type} and
 * {@code topic}, put when the handling starts and removed when it ends. Outputs that complete on other threads (the
 * producer's, the MQTT client's) never see it, so it cannot leak there.
 */
final class HandlingMdc {
    /** The MDC key of the correlation id. */
    static final String CORRELATION_ID = Propagation.CORRELATION_ID;
    /** The MDC key of the message (or event) type. */
    static final String MESSAGE_TYPE = "message_type";
    /** The MDC key of the Kafka or MQTT topic. */
    static final String TOPIC = "topic";

    private HandlingMdc() {}

    static void open(HandlingSubject subject) {
        MDC.put(CORRELATION_ID, subject.propagation().correlationId());
        MDC.put(MESSAGE_TYPE, subject.type());
        MDC.put(TOPIC, subject.message().topic());
    }

    static void close() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(MESSAGE_TYPE);
        MDC.remove(TOPIC);
    }
}
