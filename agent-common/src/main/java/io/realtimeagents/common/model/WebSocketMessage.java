package io.realtimeagents.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.realtimeagents.common.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A message exchanged with WebSocket clients: {@code {"message_type", "payload", "timestamp", "correlation_id"}}.
 * Message types of the protocol include {@code subscribe}, {@code unsubscribe}, {@code agent_request}, {@code ping}
 * from clients and {@code subscription_confirmed}, {@code agent_response}, {@code pong}, {@code realtime_event},
 * {@code broadcast} and {@code error} from the server.
 *
 * @param messageType the protocol message type
 * @param payload the content, JSON-compatible values
 * @param timestamp when the message was created; now when not given
 * @param correlationId optional id pairing a response with its request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebSocketMessage(
        String messageType, Map<String, Object> payload, Instant timestamp, String correlationId) {

    /** Fills in defaults: the current time and an empty payload. */
    public WebSocketMessage {
        Checks.notNull(messageType, "messageType");
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
        timestamp = timestamp == null ? Instant.now() : timestamp;
    }

    /** A message of the given type and payload. */
    public static WebSocketMessage of(String messageType, Map<String, ?> payload) {
        return new WebSocketMessage(messageType, payload == null ? null : new LinkedHashMap<>(payload), null, null);
    }
}
