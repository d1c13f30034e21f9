package io.realtimeagents.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.PayloadDecodingException;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealtimeEventTest {

    record Alert(String alertType, int systolic) {}

    @Test
    void json_usesTheWireFieldNamesExactly() {
        RealtimeEvent event = new RealtimeEvent(
                "e-1",
                EventType.ALERT_TRIGGERED,
                "health-agent",
                Instant.parse("2024-01-15T10:30:00Z"),
                Map.of("systolic", 150),
                "c-9");

        JsonNode json = Json.tree(Json.encode(event));

        assertThat(json.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("event_id", "event_type", "source_service", "timestamp", "data", "correlation_id");
        assertThat(json.get("event_id").asText()).isEqualTo("e-1");
        assertThat(json.get("event_type").asText()).isEqualTo("alert_triggered");
        assertThat(json.get("source_service").asText()).isEqualTo("health-agent");
        assertThat(json.get("timestamp").asText()).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(json.get("data").get("systolic").asInt()).isEqualTo(150);
        assertThat(json.get("correlation_id").asText()).isEqualTo("c-9");
    }

    @Test
    void json_omitsAbsentOptionalFields() {
        String json = Json.encodeToString(RealtimeEvent.of(EventType.DATA_RECEIVED, Map.of()));

        assertThat(json)
                .doesNotContain("correlation_id")
                .doesNotContain("source_service")
                .contains("\"data\":{}");
    }

    @Test
    void constructor_fillsDefaults() {
        Instant before = Instant.now();

        RealtimeEvent event = new RealtimeEvent(" ", EventType.DATA_RECEIVED, null, null, null, null);

        assertThat(event.eventId()).isNotBlank().hasSize(36);
        assertThat(event.timestamp()).isBetween(before, Instant.now());
        assertThat(event.data()).isEmpty();
        assertThat(new RealtimeEvent(null, EventType.DATA_RECEIVED, null, null, null, null).eventId())
                .isNotEqualTo(event.eventId());
    }

    @Test
    void constructor_withoutEventType_fails() {
        assertThatNullPointerException()
                .isThrownBy(() -> new RealtimeEvent("e", null, "s", null, null, null))
                .withMessage("eventType must not be null");
    }

    @Test
    void data_isAnUnmodifiableCopy() {
        Map<String, Object> data = new HashMap<>(Map.of("a", 1));

        RealtimeEvent event = RealtimeEvent.of(EventType.DATA_RECEIVED, data);
        data.put("b", 2);

        assertThat(event.data()).containsOnlyKeys("a");
        assertThatThrownBy(() -> event.data().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void data_mayHoldNullValues() {
        Map<String, Object> data = new HashMap<>();
        data.put("optional", null);

        assertThat(RealtimeEvent.of(EventType.DATA_RECEIVED, data).data()).containsEntry("optional", null);
    }

    @Test
    void of_withSource_andWithers_keepTheOtherFields() {
        RealtimeEvent event = RealtimeEvent.of(EventType.TASK_COMPLETED, "svc", Map.of("k", "v"));

        RealtimeEvent changed = event.withSourceService("other").withCorrelationId("corr");

        assertThat(event.sourceService()).isEqualTo("svc");
        assertThat(event.correlationId()).isNull();
        assertThat(changed.sourceService()).isEqualTo("other");
        assertThat(changed.correlationId()).isEqualTo("corr");
        assertThat(changed.eventId()).isEqualTo(event.eventId());
        assertThat(changed.timestamp()).isEqualTo(event.timestamp());
        assertThat(changed.eventType()).isEqualTo(EventType.TASK_COMPLETED);
        assertThat(changed.data()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void decode_pythonStyleJson() {
        String python = """
                {"event_id": "5f0c6d1e-1111-2222-3333-444455556666",
                 "event_type": "alert_triggered",
                 "source_service": "health-processing-agent",
                 "timestamp": "2024-01-15T10:30:00.123456",
                 "data": {"alert": "high_blood_pressure", "reading": {"systolic": 150, "diastolic": 95}},
                 "correlation_id": null}
                """;

        RealtimeEvent event = Json.decode(python.getBytes(StandardCharsets.UTF_8), RealtimeEvent.class);

        assertThat(event.eventId()).isEqualTo("5f0c6d1e-1111-2222-3333-444455556666");
        assertThat(event.eventType()).isEqualTo(EventType.ALERT_TRIGGERED);
        assertThat(event.sourceService()).isEqualTo("health-processing-agent");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-01-15T10:30:00.123456Z"));
        assertThat(event.data()).containsEntry("alert", "high_blood_pressure");
        assertThat(event.data().get("reading")).isEqualTo(Map.of("systolic", 150, "diastolic", 95));
        assertThat(event.correlationId()).isNull();
    }

    @Test
    void decode_minimalJson_fillsDefaults() {
        RealtimeEvent event = Json.decode(
                "{\"event_type\":\"vitals.custom\",\"extra\":1}".getBytes(StandardCharsets.UTF_8), RealtimeEvent.class);

        assertThat(event.eventType()).isEqualTo(EventType.of("vitals.custom"));
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.timestamp()).isNotNull();
        assertThat(event.data()).isEmpty();
    }

    @Test
    void decode_invalidEventType_failsNamingIt() {
        assertThatThrownBy(() -> Json.decode(
                        "{\"event_type\":\"Alert Triggered\"}".getBytes(StandardCharsets.UTF_8), RealtimeEvent.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Invalid event type 'Alert Triggered'");
    }

    @Test
    void roundTrip_isEqual() {
        RealtimeEvent event = RealtimeEvent.of(EventType.SYSTEM_ERROR, "svc", Map.of("list", List.of(1, 2), "s", "x"))
                .withCorrelationId("c");

        assertThat(Json.decode(Json.encode(event), RealtimeEvent.class)).isEqualTo(event);
    }

    @Test
    void dataAs_convertsSnakeCaseDataToARecord() {
        RealtimeEvent event =
                RealtimeEvent.of(EventType.ALERT_TRIGGERED, Map.of("alert_type", "high_bp", "systolic", 150));

        assertThat(event.dataAs(Alert.class)).isEqualTo(new Alert("high_bp", 150));
    }

    @Test
    void dataAs_wrongShape_failsNamingTheType() {
        RealtimeEvent event = RealtimeEvent.of(EventType.ALERT_TRIGGERED, Map.of("systolic", "high"));

        assertThatThrownBy(() -> event.dataAs(Alert.class))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining("Cannot decode the payload as Alert");
    }
}
