package io.realtimeagents.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.json.Json;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An event one agent tells others about, published to the events topic and delivered to event handlers and browsers.
 * On the wire: {@code {"event_id", "event_type", "source_service", "timestamp", "data", "correlation_id"}}.
 *
 * @param eventId unique id; generated when not given
 * @param eventType what happened
 * @param sourceService the service that emitted it; the runtime fills it in when emitting if it is null
 * @param timestamp when it happened; now when not given
 * @param data the event's content, JSON-compatible values
 * @param correlationId optional id linking the event to a request or an earlier event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RealtimeEvent(
        String eventId,
        EventType eventType,
        String sourceService,
        Instant timestamp,
        Map<String, Object> data,
        String correlationId) {

    /** Fills in defaults: a random id, the current time and empty data. */
    public RealtimeEvent {
        Checks.notNull(eventType, "eventType");
        eventId = eventId == null || eventId.isBlank() ? UUID.randomUUID().toString() : eventId;
        timestamp = timestamp == null ? Instant.now() : timestamp;
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** A new event of the given type and data; the runtime fills in the source service when it is emitted. */
    public static RealtimeEvent of(EventType eventType, Map<String, ?> data) {
        return new RealtimeEvent(null, eventType, null, null, copy(data), null);
    }

    /** A new event of the given type, source and data. */
    public static RealtimeEvent of(EventType eventType, String sourceService, Map<String, ?> data) {
        return new RealtimeEvent(null, eventType, sourceService, null, copy(data), null);
    }

    /** This event with the given source service. */
    public RealtimeEvent withSourceService(String service) {
        return new RealtimeEvent(eventId, eventType, service, timestamp, data, correlationId);
    }

    /** This event with the given correlation id. */
    public RealtimeEvent withCorrelationId(String id) {
        return new RealtimeEvent(eventId, eventType, sourceService, timestamp, data, id);
    }

    /** The data converted to a typed object, e.g. {@code event.dataAs(Alert.class)}. */
    public <T> T dataAs(Class<T> type) {
        return Json.convert(data, type);
    }

    private static Map<String, Object> copy(Map<String, ?> data) {
        return data == null ? Map.of() : new LinkedHashMap<>(data);
    }
}
