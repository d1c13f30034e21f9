package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import io.realtimeagents.agent.internal.live.auth.JwksServer;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.agent.support.TestTokens;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.task.TaskProcessor;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access control on every door: task endpoints, WebSocket agent_request, token expiry on open WebSocket and SSE
 * connections, and the protected status endpoints.
 */
@WithKafka
class AccessControlIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SECRET = "access-control-it-secret-0123456789-abcdef";
    private static final String READER_KEY = "reader-key-0123456789";
    private static final String RUNNER_KEY = "runner-key-0123456789";
    private static final String OPS_KEY = "ops-key-0123456789abcd";

    private static final ECKey IDP_KEY = JwksServer.ecKey("idp-key-1");

    private static JwksServer idp;
    private static RunningAgent running;

    /** Counts words, or sums. */
    static final class CountingAgent extends RealtimeAgent {
        @Override
        protected Set<String> supportedTaskTypes() {
            return Set.of("word_count", "analyze");
        }

        @Override
        protected TaskProcessor createProcessor() {
            return request -> Map.of(
                    "words", request.query() == null ? 0 : request.query().split("\\s+").length);
        }
    }

    @BeforeAll
    static void start(KafkaBroker broker, KafkaTestClient client) throws IOException {
        idp = JwksServer.start();
        idp.publish(IDP_KEY);
        running = RealtimeAgents.app(CountingAgent::new)
                .config(TestAgents.config(broker, "access-control")
                        .set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                        .set(AgentSettings.LIVE_AUTH_JWKS_URL, idp.url())
                        .set(
                                AgentSettings.LIVE_AUTH_API_KEYS,
                                READER_KEY + "=alerts, " + RUNNER_KEY + "=alerts;tasks=word_count, " + OPS_KEY
                                        + "=;scope=status")
                        .set(AgentSettings.LIVE_AUTH_CLOCK_SKEW, Duration.ofSeconds(1))
                        .set(AgentSettings.STATUS_ENDPOINTS_PROTECTED, true)
                        .build())
                .endpoint("/count", "word_count")
                .start();
    }

    @AfterAll
    static void stop() {
        if (running != null) {
            running.close();
        }
        if (idp != null) {
            idp.close();
        }
    }

    private static String bearer(String credential) {
        return "Bearer " + credential;
    }

    private static String jwt(Map<String, ?> claims, Instant expires) {
        return TestTokens.hs256(SECRET, claims, expires);
    }

    @Test
    void taskEndpoint_withoutACredential_is401() {
        Response anonymous = HttpTestClient.of(running.url()).post("/count", "{\"query\":\"a b c\"}");
        Response wrongKey = HttpTestClient.of(running.url())
                .post("/tasks", "{\"task_type\":\"word_count\"}", "Authorization", bearer("not-a-key-at-all-0000"));
        Response expired = HttpTestClient.of(running.url())
                .post(
                        "/count",
                        "{}",
                        "Authorization",
                        bearer(jwt(Map.of("tasks", "*"), Instant.now().minusSeconds(60))));

        assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
        assertThat(anonymous.json().path("error").asText()).isEqualTo("unauthorized");
        assertThat(anonymous.json().path("message").asText())
                .isEqualTo("no token: send Authorization: Bearer <token> or ?access_token=<token>");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("message").asText()).startsWith("token expired at");
    }

    @Test
    void taskEndpoint_withoutTaskPermission_is403() {
        Response reader = HttpTestClient.of(running.url())
                .post("/count", "{\"query\":\"a b\"}", "Authorization", bearer(READER_KEY));
        Response otherTask = HttpTestClient.of(running.url())
                .post("/tasks", "{\"task_type\":\"analyze\"}", "Authorization", bearer(RUNNER_KEY));
        Response jwtWithoutTasks = HttpTestClient.of(running.url())
                .post("/count", "{}", "Authorization", bearer(jwt(Map.of("topics", "*"), null)));

        assertThat(reader.status()).as(reader.body()).isEqualTo(403);
        assertThat(reader.json().path("error").asText()).isEqualTo("forbidden");
        assertThat(reader.json().path("message").asText())
                .isEqualTo("the credentials may not run task type 'word_count': grant it in the token's tasks claim"
                        + " or the API key's ;tasks=");
        assertThat(otherTask.status()).isEqualTo(403);
        assertThat(jwtWithoutTasks.status()).isEqualTo(403);
    }

    @Test
    void taskEndpoint_withTaskPermission_runsTheTask() {
        Response key = HttpTestClient.of(running.url())
                .post("/count", "{\"query\":\"a b c\"}", "Authorization", bearer(RUNNER_KEY));
        Response token = HttpTestClient.of(running.url())
                .post(
                        "/tasks?access_token="
                                + jwt(
                                        Map.of("tasks", List.of("analyze")),
                                        Instant.now().plusSeconds(600)),
                        "{\"task_type\":\"analyze\",\"query\":\"one two\"}");

        assertThat(key.status()).as(key.body()).isEqualTo(200);
        assertThat(key.json().path("result").path("words").asInt()).isEqualTo(3);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().path("result").path("words").asInt()).isEqualTo(2);
    }

    @Test
    void es256TokensOfAnIdentityProvider_openEveryDoorTheyAreGranted() throws Exception {
        String token = JwksServer.sign(
                IDP_KEY,
                Map.of(
                        "sub",
                        "idp-user",
                        "topics",
                        List.of("alerts"),
                        "tasks",
                        List.of("word_count"),
                        "exp",
                        Instant.now().plusSeconds(600).getEpochSecond()));

        Response task =
                HttpTestClient.of(running.url()).post("/count", "{\"query\":\"x y\"}", "Authorization", bearer(token));
        assertThat(task.status()).as(task.body()).isEqualTo(200);
        try (WsTestClient client = WsTestClient.connect(ws(), "Authorization", bearer(token))) {
            client.send("agent_request", Map.of("task_type", "word_count", "query", "a"), "idp-1");
            assertThat(client.next("agent_response", TIMEOUT)
                            .path("correlation_id")
                            .asText())
                    .isEqualTo("idp-1");
        }
        assertThat(HttpTestClient.of(running.url())
                        .get("/realtime/status", "Authorization", bearer(token))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void webSocketAgentRequest_needsTheTaskPermission() throws Exception {
        try (WsTestClient reader = WsTestClient.connect(ws(), "Authorization", bearer(READER_KEY));
                WsTestClient runner = WsTestClient.connect(ws(), "Authorization", bearer(RUNNER_KEY))) {
            reader.send("agent_request", Map.of("task_type", "word_count", "query", "a b"), "r-1");
            JsonNode refused = reader.next("error", TIMEOUT);
            assertThat(refused.path("payload").path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("payload").path("reason").asText()).contains("'word_count'");
            assertThat(refused.path("correlation_id").asText()).isEqualTo("r-1");

            runner.send("agent_request", Map.of("task_type", "word_count", "query", "a b"), "r-2");
            JsonNode answered = runner.next("agent_response", TIMEOUT);
            assertThat(answered.path("payload").path("result").path("words").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void webSocket_isClosedWith4401WhenItsTokenExpires() throws Exception {
        String token = jwt(Map.of("topics", "alerts"), Instant.now().plusSeconds(2));
        try (WsTestClient client = WsTestClient.connect(ws(), "Authorization", bearer(token))) {
            client.send("ping", Map.of(), null);
            client.next("pong", TIMEOUT);

            WsTestClient.Closed closed = client.closed().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            assertThat(closed.status()).isEqualTo(4401);
            assertThat(closed.reason()).isEqualTo("token expired: reconnect with a new token");
        }
    }

    @Test
    void sseStream_endsWhenItsTokenExpires() throws Exception {
        String token = jwt(Map.of("topics", "alerts"), Instant.now().plusSeconds(2));
        try (SseTestClient stream = SseTestClient.open(sse("/stream/events?access_token=" + token))) {
            assertThat(stream.status()).isEqualTo(200);

            Await.await(TIMEOUT, "the stream to end at the token's expiry", stream::ended);

            assertThat(stream.received()).anySatisfy(message -> {
                assertThat(message.path("message_type").asText()).isEqualTo("error");
                assertThat(message.path("payload").path("code").asText()).isEqualTo("token_expired");
            });
        }
    }

    @Test
    void statusEndpoints_needTheStatusScope_whileHealthAndProbesStayOpen() {
        for (String path : List.of("/metrics", "/realtime/status", "/realtime/connections")) {
            assertThat(HttpTestClient.of(running.url()).get(path).status())
                    .as(path)
                    .isEqualTo(401);
            Response reader = HttpTestClient.of(running.url()).get(path, "Authorization", bearer(READER_KEY));
            assertThat(reader.status()).as(path).isEqualTo(403);
            assertThat(reader.json().path("message").asText()).contains("status scope");
            assertThat(HttpTestClient.of(running.url())
                            .get(path, "Authorization", bearer(OPS_KEY))
                            .status())
                    .as(path)
                    .isEqualTo(200);
            String token = jwt(Map.of("scope", "openid status"), Instant.now().plusSeconds(600));
            assertThat(HttpTestClient.of(running.url())
                            .get(path + "?access_token=" + token)
                            .status())
                    .as(path)
                    .isEqualTo(200);
        }
        for (String path : List.of("/health", "/health/live", "/health/ready")) {
            assertThat(HttpTestClient.of(running.url()).get(path).status())
                    .as(path)
                    .isIn(200, 503);
        }
        assertThat(HttpTestClient.of(running.url())
                        .get("/metrics", "Authorization", bearer(OPS_KEY))
                        .body())
                .contains("realtime_live_closed_total");
    }

    private static URI ws() {
        return URI.create("ws://localhost:" + running.port() + "/ws");
    }

    private static URI sse(String pathAndQuery) {
        return URI.create("http://localhost:" + running.port() + pathAndQuery);
    }
}
