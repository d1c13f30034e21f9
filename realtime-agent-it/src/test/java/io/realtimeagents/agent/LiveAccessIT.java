package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access control of live connections: tokens, API keys, per-topic permissions and allowed origins. */
@WithKafka
class LiveAccessIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String SECRET = "live-access-it-secret-0123456789-abcdef";
    private static final String API_KEY = "dashboard-key-0123456789";

    private static RealtimeAgent agent;
    private static TestAgent<RealtimeAgent> running;

    @BeforeAll
    static void start(KafkaBroker broker) {
        running = TestAgent.start(
                () -> new RealtimeAgent() {},
                broker,
                c -> c.set(AgentSettings.LIVE_AUTH_JWT_SECRET, SECRET)
                        .set(AgentSettings.LIVE_AUTH_API_KEYS, API_KEY + "=alerts")
                        .set(AgentSettings.LIVE_ALLOWED_ORIGINS, List.of("https://dashboard.example")));
        agent = running.agent();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static URI ws(String query) {
        return URI.create("ws://localhost:" + running.port() + "/ws" + query);
    }

    private static URI sse(String pathAndQuery) {
        return running.url(pathAndQuery);
    }

    @Test
    void connectionsWithoutValidCredentialsAreRefused() throws Exception {
        assertThat(refusedStatus(ws(""))).isEqualTo(401);
        assertThat(refusedStatus(ws("?access_token=not-a-key"))).isEqualTo(401);
        String expired = token(List.of("alerts"), Instant.now().minusSeconds(3600));
        assertThat(refusedStatus(ws(""), "Authorization", "Bearer " + expired)).isEqualTo(401);

        try (SseTestClient anonymous = SseTestClient.open(sse("/stream/events"))) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @Test
    void browsersFromOriginsNotAllowedAreRefusedWith403() throws Exception {
        String valid = token(List.of("alerts"), Instant.now().plusSeconds(600));
        assertThat(refusedStatus(ws("?access_token=" + valid), "Origin", "https://evil.example"))
                .isEqualTo(403);

        try (WsTestClient allowed =
                WsTestClient.connect(ws("?access_token=" + valid), "Origin", "https://dashboard.example")) {
            allowed.send("ping", Map.of(), null);
            allowed.next("pong", TIMEOUT);
        }
    }

    @Test
    void aTokenReadsOnlyTheTopicsOfItsClaims() throws Exception {
        String token = token(List.of("alerts", "ward.7.*"), Instant.now().plusSeconds(600));
        try (WsTestClient client = WsTestClient.connect(ws(""), "Authorization", "Bearer " + token)) {
            client.send("subscribe", Map.of("topic", "health_events"), null);
            JsonNode refused = client.next("error", TIMEOUT);
            assertThat(refused.path("payload").path("code").asText()).isEqualTo("forbidden");
            assertThat(refused.path("payload").path("reason").asText()).contains("health_events");

            client.send("subscribe", Map.of("topic", "ward.7.bed-3"), null);
            client.next("subscription_confirmed", TIMEOUT);
            agent.broadcast("ward.7.bed-3", Map.of("ok", true));
            assertThat(client.next("broadcast", TIMEOUT)
                            .path("payload")
                            .path("topic")
                            .asText())
                    .isEqualTo("ward.7.bed-3");
        }
    }

    @Test
    void sseStreamsAreFilteredByPermissions_andForbiddenTopicsRefused() throws Exception {
        try (SseTestClient forbidden = SseTestClient.open(sse("/stream/topic/health_events?access_token=" + API_KEY))) {
            assertThat(forbidden.status()).isEqualTo(403);
        }
        try (SseTestClient all = SseTestClient.open(sse("/stream/events"), "Authorization", "Bearer " + API_KEY)) {
            assertThat(all.status()).isEqualTo(200);
            agent.broadcast("health_events", Map.of("secret", true))
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);
            agent.broadcast("alerts", Map.of("visible", true))
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);

            SseTestClient.Event event = all.next(TIMEOUT);
            assertThat(event.data().path("payload").path("topic").asText()).isEqualTo("alerts");
        }
    }

    private static int refusedStatus(URI uri, String... headers) {
        try {
            WsTestClient.connect(uri, headers).close();
            throw new AssertionError("the connection to " + uri + " was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static String token(List<String> topics, Instant expires) throws Exception {
        String header = base64(Json.encode(Map.of("alg", "HS256", "typ", "JWT")));
        String payload =
                base64(Json.encode(Map.of("sub", "dashboard", "topics", topics, "exp", expires.getEpochSecond())));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signature = mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
