package io.realtimeagents.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @Test
    void wellKnownTypes_haveTheWireValuesOfTheReferenceLibrary() {
        assertThat(Set.of(
                        EventType.DATA_RECEIVED.value(),
                        EventType.DATA_PROCESSED.value(),
                        EventType.ALERT_TRIGGERED.value(),
                        EventType.ALERT_RESOLVED.value(),
                        EventType.TASK_COMPLETED.value(),
                        EventType.TASK_FAILED.value(),
                        EventType.AGENT_STATUS_CHANGED.value(),
                        EventType.CONNECTION_ESTABLISHED.value(),
                        EventType.CONNECTION_CLOSED.value(),
                        EventType.SYSTEM_ERROR.value()))
                .containsExactlyInAnyOrder(
                        "data_received",
                        "data_processed",
                        "alert_triggered",
                        "alert_resolved",
                        "task_completed",
                        "task_failed",
                        "agent_status_changed",
                        "connection_established",
                        "connection_closed",
                        "system_error");
    }

    @Test
    void of_wellKnownValue_equalsTheConstant() {
        EventType parsed = EventType.of("alert_triggered");

        assertThat(parsed).isEqualTo(EventType.ALERT_TRIGGERED).hasSameHashCodeAs(EventType.ALERT_TRIGGERED);
        assertThat(Set.of(EventType.ALERT_TRIGGERED)).contains(parsed);
    }

    @Test
    void of_customValue_equalsByValueOnly() {
        EventType first = EventType.of("vitals.batch-ready_2");
        EventType second = EventType.of("vitals.batch-ready_2");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(EventType.DATA_RECEIVED);
        assertThat(first).isNotEqualTo("vitals.batch-ready_2");
        assertThat(first.toString()).isEqualTo("vitals.batch-ready_2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alert", "ALERT_TRIGGERED", "has space", "_leading", "", "emoji-\u2764"})
    void of_invalidValue_namesItAndTheRule(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of(value))
                .withMessage("Invalid event type '" + value
                        + "': use lower-case letters, digits, '_', '.' or '-' (at most 128 characters),"
                        + " e.g. 'alert_triggered'");
    }

    @Test
    void of_lengthLimit_is128Characters() {
        assertThat(EventType.of("a".repeat(128)).value()).hasSize(128);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventType.of("a".repeat(129)))
                .withMessageContaining("at most 128 characters");
    }

    @Test
    void of_null_namesTheParameter() {
        assertThatNullPointerException()
                .isThrownBy(() -> EventType.of(null))
                .withMessage("event type must not be null");
    }

    @Test
    void json_isTheBareWireValue() {
        assertThat(Json.encodeToString(EventType.TASK_FAILED)).isEqualTo("\"task_failed\"");
        assertThat(Json.decode("\"task_failed\"".getBytes(StandardCharsets.UTF_8), EventType.class))
                .isEqualTo(EventType.TASK_FAILED);
    }
}
