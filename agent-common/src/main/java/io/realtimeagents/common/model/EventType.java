package io.realtimeagents.common.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.realtimeagents.common.internal.Checks;
import java.util.regex.Pattern;

/**
 * The type of a {@link RealtimeEvent}: one of the well-known types below, or a custom one made with {@link #of}.
 * On the wire an event type is its lower-case {@link #value()}, e.g. {@code "alert_triggered"}.
 */
public final class EventType {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,127}");

    /** Data arrived from a device or an upstream service. */
    public static final EventType DATA_RECEIVED = new EventType("data_received");
    /** An agent finished processing a piece of data. */
    public static final EventType DATA_PROCESSED = new EventType("data_processed");
    /** A condition needing attention was detected. */
    public static final EventType ALERT_TRIGGERED = new EventType("alert_triggered");
    /** A previously triggered alert condition ended. */
    public static final EventType ALERT_RESOLVED = new EventType("alert_resolved");
    /** A task finished successfully. */
    public static final EventType TASK_COMPLETED = new EventType("task_completed");
    /** A task failed. */
    public static final EventType TASK_FAILED = new EventType("task_failed");
    /** An agent started, stopped, or changed its health. */
    public static final EventType AGENT_STATUS_CHANGED = new EventType("agent_status_changed");
    /** An agent instance joined the agent registry; its data is the instance's card. */
    public static final EventType AGENT_JOINED = new EventType("agent_joined");
    /** An agent instance left the agent registry (stopped, or its lease expired); its data is the instance's card. */
    public static final EventType AGENT_LEFT = new EventType("agent_left");
    /** A client connection (WebSocket, SSE, device) was established. */
    public static final EventType CONNECTION_ESTABLISHED = new EventType("connection_established");
    /** A client connection was closed. */
    public static final EventType CONNECTION_CLOSED = new EventType("connection_closed");
    /** An operational error worth telling other services about. */
    public static final EventType SYSTEM_ERROR = new EventType("system_error");

    private final String value;

    private EventType(String value) {
        this.value = value;
    }

    /**
     * The event type with the given wire value; well-known and custom types compare equal by value.
     *
     * @param value lower-case letters, digits, {@code _}, {@code .} or {@code -}; at most 128 characters
     * @throws IllegalArgumentException naming the bad value
     */
    @JsonCreator
    public static EventType of(String value) {
        Checks.notNull(value, "event type");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("Invalid event type '" + value
                    + "': use lower-case letters, digits, '_', '.' or '-' (at most 128 characters),"
                    + " e.g. 'alert_triggered'");
        }
        return new EventType(value);
    }

    /** The wire value, e.g. {@code "alert_triggered"}. */
    @JsonValue
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventType that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
