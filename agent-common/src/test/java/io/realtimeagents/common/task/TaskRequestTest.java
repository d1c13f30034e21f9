package io.realtimeagents.common.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRequestTest {

    @Test
    void constructor_fillsIdAndEmptyParameters() {
        TaskRequest request = new TaskRequest("", "analyze", null, null, null);

        assertThat(request.taskId()).hasSize(36);
        assertThat(request.parameters()).isEmpty();
        assertThat(TaskRequest.of("analyze", null).taskId()).isNotEqualTo(request.taskId());
    }

    @Test
    void parameters_areAnUnmodifiableCopy() {
        Map<String, Object> parameters = new HashMap<>(Map.of("a", 1));

        TaskRequest request = TaskRequest.of("analyze", parameters);
        parameters.put("b", 2);

        assertThat(request.parameters()).containsOnlyKeys("a");
        assertThatThrownBy(() -> request.parameters().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void withTaskType_keepsEverythingElse() {
        TaskRequest request = new TaskRequest("id", null, "q", Map.of("p", 1), "c");

        assertThat(request.withTaskType("analyze"))
                .isEqualTo(new TaskRequest("id", "analyze", "q", Map.of("p", 1), "c"));
    }

    @Test
    void decode_wireJson() {
        String json = "{\"task_id\":\"t-1\",\"task_type\":\"analyze_health\",\"query\":\"Analyze this\","
                + "\"parameters\":{\"patient_id\":\"12345\"},\"correlation_id\":\"c-1\",\"unknown\":true}";

        TaskRequest request = Json.decode(json.getBytes(StandardCharsets.UTF_8), TaskRequest.class);

        assertThat(request)
                .isEqualTo(
                        new TaskRequest("t-1", "analyze_health", "Analyze this", Map.of("patient_id", "12345"), "c-1"));
    }

    @Test
    void encode_usesWireNamesAndOmitsNulls() {
        String json = Json.encodeToString(new TaskRequest("t-1", "analyze", null, Map.of(), null));

        assertThat(json).isEqualTo("{\"task_id\":\"t-1\",\"task_type\":\"analyze\",\"parameters\":{}}");
    }

    @Test
    void result_encode_usesWireNames() {
        TaskResult result = new TaskResult(
                "t-1",
                "analyze",
                "completed",
                Map.of("ok", true),
                null,
                null,
                12,
                Instant.parse("2024-01-15T10:30:00Z"),
                "c");

        JsonNode json = Json.tree(Json.encode(result));

        assertThat(json.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "task_id",
                        "task_type",
                        "status",
                        "result",
                        "processing_time_ms",
                        "timestamp",
                        "correlation_id");
        assertThat(json.get("processing_time_ms").asLong()).isEqualTo(12);
        assertThat(json.get("timestamp").asText()).isEqualTo("2024-01-15T10:30:00Z");
        assertThat(json.at("/result/ok").asBoolean()).isTrue();
    }

    @Test
    void result_failed_carriesTheErrorAndNoResult() {
        TaskResult failed = TaskResult.failed(TaskRequest.of("analyze", null), new IllegalStateException("boom"), 3);

        assertThat(Json.encodeToString(failed))
                .contains(
                        "\"status\":\"failed\"",
                        "\"error\":\"boom\"",
                        "\"error_type\":\"java.lang.IllegalStateException\"")
                .doesNotContain("\"result\"");
        assertThat(failed.isCompleted()).isFalse();
    }
}
