package io.realtimeagents.common.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketMessageTest {

    @Test
    void json_usesTheWireFieldNames() {
        WebSocketMessage message = new WebSocketMessage(
                "subscription_confirmed", Map.of("topic", "alerts"), Instant.parse("2024-01-15T10:30:00Z"), "c-1");

        JsonNode json = Json.tree(Json.encode(message));

        assertThat(json.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("message_type", "payload", "timestamp", "correlation_id");
        assertThat(json.get("message_type").asText()).isEqualTo("subscription_confirmed");
        assertThat(json.at("/payload/topic").asText()).isEqualTo("alerts");
        assertThat(json.get("timestamp").asText()).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(json.get("correlation_id").asText()).isEqualTo("c-1");
    }

    @Test
    void of_fillsTimestampAndEmptyPayload_andOmitsCorrelationId() {
        WebSocketMessage message = WebSocketMessage.of("pong", null);

        assertThat(message.payload()).isEmpty();
        assertThat(message.timestamp()).isNotNull();
        assertThat(Json.encodeToString(message))
                .startsWith("{\"message_type\":\"pong\",\"payload\":{},")
                .doesNotContain("correlation_id");
    }

    @Test
    void decode_browserMessageWithoutTimestamp() {
        String browser = "{\"message_type\":\"agent_request\",\"payload\":{\"query\":\"Analyze\","
                + "\"task_type\":\"analyze_health\",\"parameters\":{\"patient_id\":\"12345\"}}}";

        WebSocketMessage message = Json.decode(browser.getBytes(StandardCharsets.UTF_8), WebSocketMessage.class);

        assertThat(message.messageType()).isEqualTo("agent_request");
        assertThat(message.payload())
                .containsEntry("task_type", "analyze_health")
                .containsEntry("parameters", Map.of("patient_id", "12345"));
        assertThat(message.timestamp()).isNotNull();
    }

    @Test
    void constructor_withoutMessageType_fails() {
        assertThatNullPointerException()
                .isThrownBy(() -> WebSocketMessage.of(null, Map.of()))
                .withMessage("messageType must not be null");
    }
}
