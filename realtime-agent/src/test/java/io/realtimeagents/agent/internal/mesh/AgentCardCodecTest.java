package io.realtimeagents.agent.internal.mesh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentCardCodecTest {
    static AgentInstance card(String service, String instanceId, Duration lease, String... capabilities) {
        return new AgentInstance(
                service,
                instanceId,
                "1.2.0",
                "summarizes texts",
                List.of(new AgentInstance.TaskType("summarize", "Summarizes a text", List.of("nlp"))),
                List.of(capabilities),
                "http://host-a:8080",
                "/ws",
                "/stream/events",
                "/health",
                service + ".requests",
                Instant.parse("2026-12-03T10:00:00Z"),
                lease);
    }

    @Test
    void encode_writesSnakeCaseFieldsWithTheLeaseInMilliseconds() {
        JsonNode json = Json.tree(AgentCardCodec.encode(card("summarizer", "pod-1", Duration.ofSeconds(15), "nlp")));

        assertThat(json.get("card_version").asInt()).isEqualTo(1);
        assertThat(json.get("service").asText()).isEqualTo("summarizer");
        assertThat(json.get("instance_id").asText()).isEqualTo("pod-1");
        assertThat(json.get("task_types").get(0).get("id").asText()).isEqualTo("summarize");
        assertThat(json.get("task_types").get(0).get("tags").get(0).asText()).isEqualTo("nlp");
        assertThat(json.get("http_base_url").asText()).isEqualTo("http://host-a:8080");
        assertThat(json.get("web_socket_path").asText()).isEqualTo("/ws");
        assertThat(json.get("sse_path").asText()).isEqualTo("/stream/events");
        assertThat(json.get("health_path").asText()).isEqualTo("/health");
        assertThat(json.get("request_topic").asText()).isEqualTo("summarizer.requests");
        assertThat(json.get("started_at").asText()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(json.get("lease_ms").asLong()).isEqualTo(15_000);
        assertThat(json.has("lease") || json.has("key") || json.has("instanceId"))
                .isFalse();
    }

    @Test
    void decode_ofAnEncodedCard_givesItBack() {
        AgentInstance card = card("summarizer", "pod-1", Duration.ofMillis(600), "nlp", "en");

        assertThat(AgentCardCodec.decode("summarizer/pod-1", AgentCardCodec.encode(card)))
                .isEqualTo(card);
    }

    @Test
    void decode_ignoresUnknownFields_andDefaultsTheOptionalOnes() {
        String json = "{\"service\":\"s\",\"instance_id\":\"i\",\"started_at\":\"2026-12-03T10:00:00Z\","
                + "\"lease_ms\":900,\"added_later\":true}";

        AgentInstance card = AgentCardCodec.decode("s/i", json.getBytes(StandardCharsets.UTF_8));

        assertThat(card.version()).isEqualTo("unknown");
        assertThat(card.taskTypes()).isEmpty();
        assertThat(card.capabilities()).isEmpty();
        assertThat(card.requestTopic()).isNull();
        assertThat(card.lease()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void decode_ofInvalidRecords_saysWhatIsWrong() {
        byte[] valid = AgentCardCodec.encode(card("s", "i", Duration.ofSeconds(1)));

        assertThatThrownBy(() -> AgentCardCodec.decode("s/i", "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an agent card");
        assertThatThrownBy(() -> AgentCardCodec.decode("other/i", valid))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record key other/i does not match the card's s/i");
        assertThatThrownBy(() -> AgentCardCodec.decode(
                        "s/i", "{\"service\":\"s\",\"lease_ms\":100}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("instanceId");
        assertThatThrownBy(() -> AgentCardCodec.decode(
                        "s/i",
                        "{\"service\":\"s\",\"instance_id\":\"i\",\"started_at\":\"2026-12-03T10:00:00Z\",\"lease_ms\":0}"
                                .getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lease_ms must be a positive number, was 0");
    }
}
