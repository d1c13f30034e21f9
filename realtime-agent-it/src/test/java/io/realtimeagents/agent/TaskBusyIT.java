package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.HoldingAgent;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One task worker and one queue place, shared by HTTP task endpoints and WebSocket {@code agent_request}: a third task
 * is refused at once, with 503 and {@code Retry-After} over HTTP and a {@code busy} error on the WebSocket.
 */
@WithKafka
class TaskBusyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    void aFullExecutorRefusesHttpWith503AndWebSocketWithBusy_andRunsTheQueuedTaskLater(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        AgentConfig config = TestAgents.config(broker, "busy")
                .set(AgentSettings.TASK_WORKERS, 1)
                .set(AgentSettings.TASK_QUEUE_CAPACITY, 1)
                .build();
        HoldingAgent agent = new HoldingAgent();
        try (RunningAgent running = RealtimeAgents.app(() -> agent)
                        .config(config)
                        .endpoint("/hold", "hold")
                        .start();
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"))) {
            try {
                ws.send("agent_request", Map.of("task_type", "hold"), "running-1");
                assertThat(agent.started.tryAcquire(20, TimeUnit.SECONDS))
                        .as("the WebSocket task started")
                        .isTrue();
                CompletableFuture<Response> queued = CompletableFuture.supplyAsync(
                        () -> HttpTestClient.of(running.url()).post("/hold", "{}"));
                Await.await(
                        TIMEOUT,
                        "one task queued",
                        () -> tasksStatus(running).path("queued").asInt() == 1);

                HttpResponse<String> refused = post(running, "/hold");
                ws.send("agent_request", Map.of("task_type", "hold"), "refused-1");
                JsonNode busy = ws.next("error", TIMEOUT);

                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
                assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
                JsonNode body = new Response(refused.statusCode(), refused.body()).json();
                assertThat(body.path("error").asText()).isEqualTo("busy");
                assertThat(body.path("status").asInt()).isEqualTo(503);
                assertThat(body.path("message").asText())
                        .isEqualTo("the agent is busy: all 1 task workers (TASK_WORKERS) are running tasks and the"
                                + " queue of 1 waiting tasks (TASK_QUEUE_CAPACITY) is full: retry later");
                assertThat(busy.path("correlation_id").asText()).isEqualTo("refused-1");
                assertThat(busy.path("payload").path("code").asText()).isEqualTo("busy");
                assertThat(busy.path("payload").path("reason").asText())
                        .contains("TASK_WORKERS", "TASK_QUEUE_CAPACITY");
                assertThat(tasksStatus(running).path("rejected").asInt()).isEqualTo(2);
                assertThat(HttpTestClient.of(running.url()).get("/metrics").body())
                        .containsPattern("realtime_tasks_rejected_total\\{[^}]*} 2\\.0")
                        .containsPattern("realtime_tasks_queued\\{[^}]*} 1\\.0");
                assertThat(queued).isNotDone();

                agent.release.countDown();

                JsonNode response = ws.next("agent_response", TIMEOUT);
                assertThat(response.path("correlation_id").asText()).isEqualTo("running-1");
                assertThat(response.path("payload")
                                .path("result")
                                .path("released")
                                .asBoolean())
                        .isTrue();
                Response later = queued.get(20, TimeUnit.SECONDS);
                assertThat(later.status()).as(later.body()).isEqualTo(200);
                assertThat(post(running, "/hold").statusCode()).isEqualTo(200);
            } finally {
                agent.release.countDown();
            }
        }
    }

    @Test
    void aWebSocketRequestWithInvalidInput_isAnsweredWithInvalidTaskInput(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        try (TestAgent<HoldingAgent> running = TestAgent.start(HoldingAgent::new, broker, c -> c);
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"))) {
            ws.send("agent_request", Map.of("task_type", "check", "parameters", Map.of()), "c-1");

            JsonNode error = ws.next("error", TIMEOUT);

            assertThat(error.path("correlation_id").asText()).isEqualTo("c-1");
            assertThat(error.path("payload").path("code").asText()).isEqualTo("invalid_task_input");
            assertThat(error.path("payload").path("reason").asText()).isEqualTo("parameters.patient_id is required");
        }
    }

    private static JsonNode tasksStatus(RunningAgent running) {
        return HttpTestClient.of(running.url()).get("/realtime/status").json().path("tasks");
    }

    private static HttpResponse<String> post(RunningAgent running, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create(running.url() + path))
                            .timeout(TIMEOUT)
                            .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
