package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An alert about one episode of a condition in one patient. The agents publish it when the episode starts (status
 * {@link Status#ACTIVE}), again with the same {@code alertId} if its severity rises, and once when it ends
 * ({@link Status#RESOLVED}).
 *
 * @param alertId the episode's id, the same in every message about it
 * @param patientId the patient
 * @param condition the condition
 * @param severity the highest severity the episode reached so far
 * @param status whether the episode is still going on
 * @param message the alert in words, e.g. {@code Heart rate 128 bpm: tachycardia}
 * @param reading the reading that started, escalated or resolved the episode
 * @param startedAt when the episode started: the time of its first abnormal reading
 * @param resolvedAt when it ended: the time of the reading that resolved it; null while active
 */
public record Alert(
        String alertId,
        String patientId,
        Condition condition,
        Severity severity,
        Status status,
        String message,
        VitalReading reading,
        Instant startedAt,
        Instant resolvedAt) {

    /** Whether an episode is going on or over. */
    public enum Status {
        /** The condition persists. */
        ACTIVE,
        /** The readings have been normal for long enough. */
        RESOLVED;

        /** The name on the wire: {@code active} or {@code resolved}. */
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks that nothing required is missing. */
    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * An alert as published ({@link #toWire()}), e.g. read back from the alerts topic.
     *
     * @throws IllegalArgumentException when a field is missing or unknown
     */
    public static Alert fromWire(JsonNode wire) {
        Condition condition = Condition.valueOf(text(wire, "condition").toUpperCase(Locale.ROOT));
        JsonNode reading = wire.path("reading");
        Map<String, Double> values = new LinkedHashMap<>();
        reading.path("values")
                .properties()
                .forEach(field -> values.put(field.getKey(), field.getValue().asDouble()));
        JsonNode resolvedAt = wire.get("resolved_at");
        return new Alert(
                text(wire, "alert_id"),
                text(wire, "patient_id"),
                condition,
                Severity.valueOf(text(wire, "severity").toUpperCase(Locale.ROOT)),
                Status.valueOf(text(wire, "status").toUpperCase(Locale.ROOT)),
                text(wire, "message"),
                new VitalReading(
                        text(reading, "patient_id"),
                        null,
                        condition.kind(),
                        Instant.parse(text(reading, "timestamp")),
                        values),
                Instant.parse(text(wire, "started_at")),
                resolvedAt == null || resolvedAt.isNull() ? null : Instant.parse(resolvedAt.asText()));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("An alert needs a text field '" + field + "'");
        }
        return value.asText();
    }

    /** The kind of reading the alert is about. */
    public VitalKind kind() {
        return condition.kind();
    }

    /** Whether the episode is still going on. */
    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    /**
     * The alert as the agents publish it: {@code {"alert_id", "patient_id", "kind", "condition", "severity",
     * "status", "message", "reading", "started_at", "resolved_at"}}, without {@code resolved_at} while active.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("alert_id", alertId);
        wire.put("patient_id", patientId);
        wire.put("kind", kind().type());
        wire.put("condition", condition.wire());
        wire.put("severity", severity.wire());
        wire.put("status", status.wire());
        wire.put("message", message);
        wire.put("reading", reading.toWire());
        wire.put("started_at", startedAt.toString());
        if (resolvedAt != null) {
            wire.put("resolved_at", resolvedAt.toString());
        }
        return wire;
    }
}
