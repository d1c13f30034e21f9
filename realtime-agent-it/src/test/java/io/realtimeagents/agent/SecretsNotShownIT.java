package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.realtimeagents.agent.support.EchoAgent;
import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TestTokens;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * End to end: the configured secrets (JWT secret, API key, MQTT and database passwords) appear in no answer of the
 * status endpoints and nowhere in what the agent logs, at DEBUG, while clients present good and bad credentials and
 * MQTT keeps failing to connect.
 */
@WithKafka
class SecretsNotShownIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String JWT_SECRET = "jwt-secret-never-shown-0123456789abcdef";
    private static final String API_KEY = "apikey-never-shown-0123456789";
    private static final String MQTT_PASSWORD = "mqtt-password-never-shown-42";
    private static final String DB_PASSWORD = "db-password-never-shown-42";
    private static final List<String> SECRETS = List.of(JWT_SECRET, API_KEY, MQTT_PASSWORD, DB_PASSWORD);

    @Test
    void secretsAppearInNoStatusAnswerAndNoLogLine(KafkaBroker broker, KafkaTestClient client) throws Exception {
        Logger agentLogs = (Logger) LoggerFactory.getLogger("io.realtimeagents");
        Level level = agentLogs.getLevel();
        agentLogs.setLevel(Level.DEBUG);
        List<String> answers = new ArrayList<>();
        try (LogCapture logs = LogCapture.root()) {
            RunningAgent running = RealtimeAgents.app(EchoAgent::new)
                    .config(TestAgents.config(broker, "secrets")
                            .set(AgentSettings.LIVE_AUTH_JWT_SECRET, JWT_SECRET)
                            .set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEY + "=alerts;tasks=*;scope=status")
                            .set(AgentSettings.MQTT_HOST, "127.0.0.1")
                            .set(AgentSettings.MQTT_PORT, closedPort())
                            .set(AgentSettings.MQTT_USER, "it-user")
                            .set(AgentSettings.MQTT_PASSWORD, MQTT_PASSWORD)
                            .set(AgentSettings.MQTT_RECONNECT_BACKOFF, Duration.ofSeconds(1))
                            .set(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX, Duration.ofSeconds(1))
                            .set(AgentSettings.DB_PASSWORD, DB_PASSWORD)
                            .set(AgentSettings.STATUS_ENDPOINTS_PROTECTED, true)
                            .build())
                    .endpoint("/echo", "echo")
                    .start();
            try {
                exercise(running, answers);
                Await.await(
                        TIMEOUT,
                        "MQTT connection failures to be logged",
                        () -> logs.text().contains("Cannot connect to the MQTT broker"));
            } finally {
                running.close();
            }
            String logged = logs.text();
            assertThat(logged).contains("Cannot connect to the MQTT broker").contains("Live delivery:");
            for (String secret : SECRETS) {
                assertThat(logged).as("the log").doesNotContain(secret);
                for (String answer : answers) {
                    assertThat(answer).as("an answer").doesNotContain(secret);
                }
            }
        } finally {
            agentLogs.setLevel(level);
        }
        assertThat(answers).hasSizeGreaterThan(8);
    }

    /** Status reads, good and bad credentials on every door. */
    private static void exercise(RunningAgent running, List<String> answers) throws Exception {
        String key = "Bearer " + API_KEY;
        for (String path : List.of("/realtime/status", "/realtime/connections", "/metrics", "/health")) {
            HttpTestClient.Response reply = HttpTestClient.of(running.url()).get(path, "Authorization", key);
            assertThat(reply.status()).as(path).isIn(200, 503);
            answers.add(reply.body());
        }
        assertThat(answers.get(0)).contains("\"mqtt\"").contains("\"kafka\"");
        String forged = TestTokens.hs256("a-different-secret-0123456789abcdefgh", Map.of("tasks", "*"), null);
        answers.add(HttpTestClient.of(running.url())
                .get("/realtime/status", "Authorization", "Bearer " + forged)
                .body());
        answers.add(HttpTestClient.of(running.url())
                .post("/echo", "{\"query\":\"hi\"}", "Authorization", key)
                .body());
        answers.add(HttpTestClient.of(running.url())
                .post("/echo", "{}", "Authorization", "Bearer " + API_KEY + "x")
                .body());
        answers.add(HttpTestClient.of(running.url())
                .post("/tasks", "{\"task_type\":\"echo\"}", "Authorization", "Basic " + API_KEY)
                .body());
        URI ws = URI.create("ws://localhost:" + running.port() + "/ws?access_token=" + API_KEY);
        try (WsTestClient live = WsTestClient.connect(ws)) {
            live.send("agent_request", Map.of("task_type", "echo", "query", "q"), "c-1");
            answers.add(live.next("agent_response", TIMEOUT).toString());
            live.send("subscribe", Map.of("topic", "secret_topic"), null);
            answers.add(live.next("error", TIMEOUT).toString());
        }
        try {
            WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws?access_token=" + forged))
                    .close();
        } catch (CompletionException refused) {
            answers.add(String.valueOf(refused.getCause()));
        }
        String expiring = TestTokens.hs256(
                JWT_SECRET, Map.of("topics", "*"), Instant.now().minusSeconds(3600));
        try (SseTestClient sse = SseTestClient.open(
                URI.create("http://localhost:" + running.port() + "/stream/events?access_token=" + expiring))) {
            assertThat(sse.status()).isEqualTo(401);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
