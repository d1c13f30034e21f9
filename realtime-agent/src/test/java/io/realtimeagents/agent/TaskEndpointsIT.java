package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.HttpProbe;
import io.realtimeagents.agent.support.HttpProbe.Reply;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.task.TaskProcessor;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.WithKafka;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Task endpoints over real HTTP: results, and the error replies of bad requests and failing processors. */
@WithKafka
class TaskEndpointsIT {
    private static RunningAgent running;

    /** Sums numbers, counts words, or fails. */
    static final class AnalystAgent extends RealtimeAgent {
        @Override
        protected Set<String> supportedTaskTypes() {
            return Set.of("analyze", "word_count", "explode");
        }

        @Override
        protected TaskProcessor createProcessor() {
            return request -> switch (request.taskType()) {
                case "analyze" -> {
                    @SuppressWarnings("unchecked")
                    List<Number> values = (List<Number>) request.parameters().get("values");
                    double sum =
                            values.stream().mapToDouble(Number::doubleValue).sum();
                    yield Map.of("count", values.size(), "sum", sum, "mean", sum / values.size());
                }
                case "word_count" -> Map.of("words", request.query().split("\\s+").length);
                default -> throw new IllegalStateException("the analysis engine is down");
            };
        }
    }

    @BeforeAll
    static void startAgent(KafkaBroker broker) {
        running = RealtimeAgents.app(AnalystAgent::new)
                .config(TestAgents.config(broker, "analyst").build())
                .endpoint("/analyze", "analyze")
                .endpoint("/explode", "explode")
                .start();
    }

    @AfterAll
    static void stopAgent() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void post_toTaskEndpoint_returnsTheCompletedTaskResult() {
        Reply reply = HttpProbe.post(
                running,
                "/analyze",
                "{\"task_id\":\"t-1\",\"parameters\":{\"values\":[2,4,9]},\"correlation_id\":\"c-1\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode result = reply.json();
        assertThat(result.get("task_id").asText()).isEqualTo("t-1");
        assertThat(result.get("task_type").asText()).isEqualTo("analyze");
        assertThat(result.get("status").asText()).isEqualTo("completed");
        assertThat(result.get("result").get("count").asInt()).isEqualTo(3);
        assertThat(result.get("result").get("sum").asDouble()).isEqualTo(15.0);
        assertThat(result.get("result").get("mean").asDouble()).isEqualTo(5.0);
        assertThat(result.get("processing_time_ms").isIntegralNumber()).isTrue();
        assertThat(result.get("processing_time_ms").asLong()).isNotNegative();
        assertThat(result.get("correlation_id").asText()).isEqualTo("c-1");
        assertThat(result.has("error")).isFalse();
    }

    @Test
    void post_toTasksWithSupportedTaskType_runsThatType() {
        Reply reply = HttpProbe.post(
                running, "/tasks", "{\"task_type\":\"word_count\",\"query\":\"how many words are here\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("task_type").asText()).isEqualTo("word_count");
        assertThat(reply.json().get("task_id").asText()).isNotBlank();
        assertThat(reply.json().get("result").get("words").asInt()).isEqualTo(5);
    }

    @Test
    void post_withInvalidJson_returns400InvalidJson() {
        Reply reply = HttpProbe.post(running, "/analyze", "{\"parameters\": {");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_json");
        assertThat(reply.json().get("message").asText()).contains("not a valid task request", "Malformed JSON");
    }

    @Test
    void post_toUnknownPath_returns404NamingTheTaskEndpoints() {
        Reply reply = HttpProbe.post(running, "/summarize", "{\"parameters\":{}}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
        assertThat(reply.json().get("message").asText()).contains("/summarize", "/analyze", "/explode");
    }

    @Test
    void post_toTasksWithUnsupportedTaskType_returns400ListingTheSupportedTypes() {
        Reply reply = HttpProbe.post(running, "/tasks", "{\"task_type\":\"translate\",\"parameters\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("unknown_task_type");
        assertThat(reply.json().get("message").asText()).contains("translate", "analyze", "word_count", "explode");
    }

    @Test
    void post_whenTheProcessorThrows_returns500WithStatusFailedAndTheError() {
        Reply reply = HttpProbe.post(running, "/explode", "{\"task_id\":\"t-9\",\"parameters\":{}}");

        assertThat(reply.status()).isEqualTo(500);
        JsonNode result = reply.json();
        assertThat(result.get("task_id").asText()).isEqualTo("t-9");
        assertThat(result.get("task_type").asText()).isEqualTo("explode");
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText()).isEqualTo("the analysis engine is down");
        assertThat(result.has("result")).isFalse();
    }
}
