package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.common.RealtimeAgentException;

/** An output of a handler (Kafka send, emit, broadcast, MQTT publish) that its broker did not acknowledge. */
public final class OutputFailedException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    private final String target;

    /**
     * @param target what the output went to, e.g. {@code kafka topic alerts}
     * @param cause the broker's or client's error
     */
    public OutputFailedException(String target, Throwable cause) {
        super("The output to " + target + " failed: " + cause, cause);
        this.target = target;
    }

    /** What the output went to, e.g. {@code kafka topic alerts} or {@code mqtt topic wards/3}. */
    public String target() {
        return target;
    }
}
