package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.InvalidTaskInputException;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.task.BaseMicroserviceAgent;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.WithKafka;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Task endpoints over real HTTP: results, and the error replies of bad requests and failing processors. */
@WithKafka
class TaskEndpointsIT {
    private static RunningAgent running;

    /** Sums numbers, counts words, or fails: each task type declared in one place, with {@code onTask}. */
    static final class AnalystAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onTask("analyze", "Counts, sums and averages parameters.values", request -> {
                @SuppressWarnings("unchecked")
                List<Number> values = (List<Number>) request.parameters().get("values");
                double sum = values.stream().mapToDouble(Number::doubleValue).sum();
                return Map.of("count", values.size(), "sum", sum, "mean", sum / values.size());
            });
            onTask(
                    "word_count",
                    "Counts the words of the query",
                    request -> Map.of("words", request.query().split("\\s+").length));
            onTask("check", "Checks a patient", request -> {
                if (!request.parameters().containsKey("patient_id")) {
                    throw new InvalidTaskInputException("parameters.patient_id is required");
                }
                return Map.of("checked", request.parameters().get("patient_id"));
            });
            onTask("explode", "Always fails", request -> {
                throw new IllegalStateException("the analysis engine is down");
            });
        }
    }

    @Test
    void tasksDeclaredWithOnTask_areListedByStatus_withTheirDescriptions() {
        JsonNode status =
                HttpTestClient.of(running.url()).get("/realtime/status").json();
        assertThat(status.get("task_types").toString()).isEqualTo("[\"analyze\",\"check\",\"explode\",\"word_count\"]");
        assertThat(running.agent().taskDescriptions())
                .containsEntry("analyze", "Counts, sums and averages parameters.values")
                .containsKeys("word_count", "check", "explode");
    }

    @BeforeAll
    static void startAgent(KafkaBroker broker) {
        running = RealtimeAgents.app(AnalystAgent::new)
                .config(TestAgents.config(broker, "analyst")
                        .set(AgentSettings.HTTP_MAX_REQUEST_BYTES, 16 * 1024)
                        .build())
                .endpoint("/analyze", "analyze")
                .endpoint("/check", "check")
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
        Response reply = HttpTestClient.of(running.url())
                .post(
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
        Response reply = HttpTestClient.of(running.url())
                .post("/tasks", "{\"task_type\":\"word_count\",\"query\":\"how many words are here\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("task_type").asText()).isEqualTo("word_count");
        assertThat(reply.json().get("task_id").asText()).isNotBlank();
        assertThat(reply.json().get("result").get("words").asInt()).isEqualTo(5);
    }

    @Test
    void post_withInvalidJson_returns400InvalidJson() {
        Response reply = HttpTestClient.of(running.url()).post("/analyze", "{\"parameters\": {");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_json");
        assertThat(reply.json().get("message").asText()).contains("not a valid task request", "Malformed JSON");
    }

    @Test
    void post_toUnknownPath_returns404NamingTheTaskEndpoints() {
        Response reply = HttpTestClient.of(running.url()).post("/summarize", "{\"parameters\":{}}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).isEqualTo("not_found");
        assertThat(reply.json().get("message").asText()).contains("/summarize", "/analyze", "/explode");
    }

    @Test
    void post_toTasksWithUnsupportedTaskType_returns400ListingTheSupportedTypes() {
        Response reply =
                HttpTestClient.of(running.url()).post("/tasks", "{\"task_type\":\"translate\",\"parameters\":{}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("unknown_task_type");
        assertThat(reply.json().get("message").asText()).contains("translate", "analyze", "word_count", "explode");
    }

    @Test
    void post_whenTheProcessorThrows_returns500WithTheErrorClassAndMessage_andLogsItOnceWithTheStackTrace() {
        List<ILoggingEvent> logged;
        Response reply;
        try (LogCapture log = LogCapture.of(BaseMicroserviceAgent.class)) {
            reply = HttpTestClient.of(running.url())
                    .post("/explode", "{\"task_id\":\"t-9\",\"parameters\":{},\"correlation_id\":\"c-9\"}");
            logged = log.events().stream()
                    .filter(event -> event.getFormattedMessage().contains("t-9"))
                    .toList();
        }

        assertThat(reply.status()).isEqualTo(500);
        JsonNode result = reply.json();
        assertThat(result.get("task_id").asText()).isEqualTo("t-9");
        assertThat(result.get("task_type").asText()).isEqualTo("explode");
        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.get("error").asText()).isEqualTo("the analysis engine is down");
        assertThat(result.get("error_type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(result.get("correlation_id").asText()).isEqualTo("c-9");
        assertThat(result.has("result")).isFalse();
        assertThat(logged).hasSize(1);
        ILoggingEvent event = logged.get(0);
        assertThat(event.getLevel()).isEqualTo(Level.ERROR);
        assertThat(event.getFormattedMessage())
                .isEqualTo("Task t-9 of type explode (correlation id c-9) failed: java.lang.IllegalStateException:"
                        + " the analysis engine is down");
        assertThat(event.getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException");
        assertThat(event.getThrowableProxy().getStackTraceElementProxyArray())
                .anySatisfy(frame -> assertThat(frame.getSTEAsString()).contains("AnalystAgent"));
    }

    @Test
    void post_whenTheProcessorRejectsTheInput_returns400WithTheReason_andLogsNoFailure() {
        Response reply;
        List<String> logged;
        try (LogCapture log = LogCapture.of(BaseMicroserviceAgent.class)) {
            reply = HttpTestClient.of(running.url()).post("/check", "{\"task_id\":\"t-4\",\"parameters\":{}}");
            logged = log.messages().stream().filter(m -> m.contains("t-4")).toList();
        }

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_task_input");
        assertThat(reply.json().get("message").asText()).isEqualTo("parameters.patient_id is required");
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(logged).isEmpty();
        assertThat(HttpTestClient.of(running.url())
                        .post("/check", "{\"parameters\":{\"patient_id\":\"p1\"}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void post_withABodyOverTheSizeLimit_returns413WithAJsonReason() {
        String big = "{\"parameters\":{\"values\":[" + "1,".repeat(20_000) + "1]}}";

        Response reply = HttpTestClient.of(running.url()).post("/analyze", big);

        assertThat(reply.status()).as(reply.body()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).isEqualTo("request_too_large");
        assertThat(reply.json().get("message").asText()).contains("16384", "HTTP_MAX_REQUEST_BYTES");
        assertThat(HttpTestClient.of(running.url())
                        .post("/analyze", "{\"parameters\":{\"values\":[1]}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void post_withAChunkedBodyOverTheSizeLimit_returns413WithAJsonReason() throws Exception {
        byte[] big = ("{\"parameters\":{\"values\":[" + "1,".repeat(20_000) + "1]}}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(running.url() + "/analyze"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))
                .build();

        HttpResponse<String> response;
        try (HttpClient client = HttpClient.newHttpClient()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(Json.tree(response.body().getBytes(StandardCharsets.UTF_8))
                        .get("error")
                        .asText())
                .isEqualTo("request_too_large");
    }
}
