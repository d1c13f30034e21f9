package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.EchoAgent;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebSocket protocol against a running agent, with a real {@code java.net.http} client. */
@WithKafka
class LiveWebSocketIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static EchoAgent agent;
    private static TestAgent<EchoAgent> running;

    @BeforeAll
    static void start(KafkaBroker broker, KafkaTestClient client) {
        running = TestAgent.start(
                EchoAgent::new,
                broker,
                c -> c.set(AgentSettings.KAFKA_LIVE_TOPIC, client.uniqueTopic("live", 2))
                        .set(AgentSettings.WEBSOCKET_MAX_SUBSCRIPTIONS, 3)
                        .set(AgentSettings.WEBSOCKET_MAX_FRAME_BYTES, 4096)
                        .set(
                                AgentSettings.WEBSOCKET_ENDPOINTS,
                                List.of(WebSocketEndpoint.parse("/ws/health=health_events|alerts"))));
        agent = running.agent();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static URI ws(String path) {
        return URI.create("ws://localhost:" + running.port() + path);
    }

    @Test
    void pingIsAnsweredWithPongCarryingTheCorrelationId() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            client.send("ping", Map.of("n", 1), "c-1");

            JsonNode pong = client.next("pong", TIMEOUT);
            assertThat(pong.path("correlation_id").asText()).isEqualTo("c-1");
            assertThat(pong.path("payload").path("n").asInt()).isEqualTo(1);
            assertThat(pong.path("timestamp").asText()).isNotBlank();
        }
    }

    @Test
    void subscribedClientReceivesBroadcastsAndEvents_untilItUnsubscribes() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            client.send("subscribe", Map.of("topic", "vitals"), "s-1");
            JsonNode confirmed = client.next("subscription_confirmed", TIMEOUT);
            assertThat(confirmed.path("payload").path("topic").asText()).isEqualTo("vitals");
            assertThat(confirmed.path("correlation_id").asText()).isEqualTo("s-1");
            client.send("subscribe", Map.of("topic", "alert_triggered"), null);
            client.next("subscription_confirmed", TIMEOUT);

            agent.broadcast("vitals", Map.of("patient_id", "p1", "bpm", 72));
            JsonNode broadcast = client.next("broadcast", TIMEOUT);
            assertThat(broadcast.path("payload").path("topic").asText()).isEqualTo("vitals");
            assertThat(broadcast.path("payload").path("data").path("bpm").asInt())
                    .isEqualTo(72);
            assertThat(broadcast.path("timestamp").asText()).isNotBlank();

            agent.emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", "p1"));
            JsonNode event = client.next("realtime_event", TIMEOUT);
            assertThat(event.path("payload").path("topic").asText()).isEqualTo("alert_triggered");
            assertThat(event.path("payload").path("event").path("event_type").asText())
                    .isEqualTo("alert_triggered");
            assertThat(event.path("payload")
                            .path("event")
                            .path("data")
                            .path("patient_id")
                            .asText())
                    .isEqualTo("p1");

            client.send("unsubscribe", Map.of("topic", "vitals"), null);
            JsonNode unsubscribed = client.next("unsubscribed", TIMEOUT);
            assertThat(unsubscribed.path("payload").path("was_subscribed").asBoolean())
                    .isTrue();
            try (WsTestClient watcher = WsTestClient.connect(ws("/ws"))) {
                watcher.send("subscribe", Map.of("topic", "vitals"), null);
                watcher.next("subscription_confirmed", TIMEOUT);
                agent.broadcast("vitals", Map.of("after", "unsubscribe"));
                watcher.next("broadcast", TIMEOUT); // delivered everywhere by now; the marker comes after it
            }
            agent.emit(EventType.ALERT_TRIGGERED, Map.of("marker", "last"))
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            JsonNode marker = client.next("realtime_event", TIMEOUT);
            assertThat(marker.path("payload")
                            .path("event")
                            .path("data")
                            .path("marker")
                            .asText())
                    .isEqualTo("last");
            assertThat(client.drain())
                    .noneMatch(m -> m.path("message_type").asText().equals("broadcast"));
        }
    }

    @Test
    void agentRequestRunsTheTaskAndAnswersWithTheCorrelationId() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            client.send(
                    "agent_request", Map.of("query", "q?", "task_type", "echo", "parameters", Map.of("a", 1)), "r-7");

            JsonNode response = client.next("agent_response", TIMEOUT);
            assertThat(response.path("correlation_id").asText()).isEqualTo("r-7");
            assertThat(response.path("payload").path("status").asText()).isEqualTo("completed");
            assertThat(response.path("payload")
                            .path("result")
                            .path("echo")
                            .path("a")
                            .asInt())
                    .isEqualTo(1);
            assertThat(response.path("payload").path("result").path("query").asText())
                    .isEqualTo("q?");
        }
    }

    @Test
    void everyMalformedMessageGetsAnErrorNamingIt_andTheConnectionStaysOpen() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            assertError(client, "{not json", "invalid_json", "not valid JSON");
            assertError(client, "[1,2]", "invalid_message", "JSON object");
            assertError(client, "{\"payload\":{}}", "missing_field", "message_type");
            assertError(client, "{\"message_type\":\"dance\"}", "unknown_message_type", "'dance'");
            assertError(client, "{\"message_type\":\"subscribe\",\"payload\":{}}", "missing_field", "payload.topic");
            assertError(
                    client,
                    "{\"message_type\":\"subscribe\",\"payload\":{\"topic\":\"no spaces\"}}",
                    "invalid_topic",
                    "'no spaces'");
            assertError(client, "{\"message_type\":\"agent_request\",\"payload\":{}}", "missing_field", "task_type");
            assertError(
                    client,
                    "{\"message_type\":\"agent_request\",\"payload\":{\"task_type\":\"nope\"},\"correlation_id\":\"x\"}",
                    "unknown_task_type",
                    "nope");
            client.sendBinary(new byte[] {1, 2, 3});
            JsonNode binary = client.next("error", TIMEOUT);
            assertThat(binary.path("payload").path("code").asText()).isEqualTo("unsupported_frame");

            client.send("ping", Map.of(), "still-open");
            assertThat(client.next("pong", TIMEOUT).path("correlation_id").asText())
                    .isEqualTo("still-open");
        }
    }

    private static void assertError(WsTestClient client, String text, String code, String reasonPart)
            throws InterruptedException {
        client.sendText(text);
        JsonNode error = client.next("error", TIMEOUT);
        assertThat(error.path("payload").path("code").asText())
                .as("code for %s", text)
                .isEqualTo(code);
        assertThat(error.path("payload").path("reason").asText())
                .as("reason for %s", text)
                .contains(reasonPart);
    }

    @Test
    void subscriptionsBeyondTheLimitAreRefused() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            for (String topic : List.of("t1", "t2", "t3")) {
                client.send("subscribe", Map.of("topic", topic), null);
                client.next("subscription_confirmed", TIMEOUT);
            }
            client.send("subscribe", Map.of("topic", "t4"), null);
            JsonNode error = client.next("error", TIMEOUT);
            assertThat(error.path("payload").path("code").asText()).isEqualTo("subscription_limit");
            assertThat(error.path("payload").path("reason").asText())
                    .contains("3 topics", "WEBSOCKET_MAX_SUBSCRIPTIONS");

            client.send("subscribe", Map.of("topic", "t1"), null);
            assertThat(client.next("subscription_confirmed", TIMEOUT)
                            .path("payload")
                            .path("topic")
                            .asText())
                    .isEqualTo("t1");
        }
    }

    @Test
    void aMessageLargerThanTheFrameLimitClosesWith1009() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws"))) {
            client.sendText("{\"message_type\":\"ping\",\"payload\":{\"x\":\"" + "a".repeat(5000) + "\"}}");

            WsTestClient.Closed closed = client.closed().get(20, TimeUnit.SECONDS);
            assertThat(closed.status()).isEqualTo(1009);
        }
    }

    @Test
    void configuredEndpointSubscribesOnConnect_andConnectionsAreCounted() throws Exception {
        try (WsTestClient client = WsTestClient.connect(ws("/ws/health"))) {
            JsonNode first = client.next("subscription_confirmed", TIMEOUT);
            JsonNode second = client.next("subscription_confirmed", TIMEOUT);
            assertThat(List.of(
                            first.path("payload").path("topic").asText(),
                            second.path("payload").path("topic").asText()))
                    .containsExactly("health_events", "alerts");

            agent.broadcast("alerts", Map.of("level", "high"));
            assertThat(client.next("broadcast", TIMEOUT)
                            .path("payload")
                            .path("data")
                            .path("level")
                            .asText())
                    .isEqualTo("high");

            JsonNode connections = running.http().get("/realtime/connections").json();
            assertThat(connections.path("total_connections").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(connections.path("topics").path("health_events").asInt()).isGreaterThanOrEqualTo(1);
            assertThat(connections.path("total_topics").asInt()).isGreaterThanOrEqualTo(2);
        }
        Await.await(
                TIMEOUT,
                "the closed connection to leave /realtime/connections",
                () -> !running.http().get("/realtime/connections").body().contains("health_events"));
    }
}
