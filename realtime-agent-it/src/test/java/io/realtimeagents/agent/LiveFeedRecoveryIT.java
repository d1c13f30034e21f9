package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.FaultyLiveFeed;
import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live feed fails for real: it shows down, restarts with backoff from its positions, and clients miss nothing. */
@WithKafka
class LiveFeedRecoveryIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String WARD = "ward-1";
    private static final String EVENTS = "alert_triggered";
    private static final String STREAM = "/stream/events?topics=" + WARD + "," + EVENTS;

    @Test
    void aFailedFeedShowsDownThenRestartsFromItsPositions_clientsGetEveryMessageOnce(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String liveTopic = client.uniqueTopic("live", 2);
        String service = TestAgent.uniqueName("feed-restart");
        FaultyLiveFeed.watch(service);
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                        () -> new RealtimeAgent() {},
                        broker,
                        c -> c.serviceName(service)
                                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                                .kafkaConsumerProperty("interceptor.classes", FaultyLiveFeed.class.getName()));
                AutoCloseable healed = FaultyLiveFeed::heal;
                WsTestClient ws = running.ws("/ws");
                SseTestClient sse = running.sse(STREAM)) {
            RealtimeAgent agent = running.agent();
            for (String topic : List.of(WARD, EVENTS)) {
                ws.send("subscribe", Map.of("topic", topic), null);
                ws.next("subscription_confirmed", TIMEOUT);
            }
            broadcast(agent, 0);
            String lastId = sse.next(TIMEOUT).id();
            assertThat(ready(running).status()).isEqualTo(200);

            // The feed reads this broadcast back, and its next poll fails; restarts fail until healed.
            FaultyLiveFeed.fail();
            broadcast(agent, 1);
            Await.await(
                    TIMEOUT,
                    "readiness shows the live feed down",
                    () -> problems(running).contains("the live feed is down since"));
            assertThat(problems(running)).contains("restarting");
            HttpTestClient.Response health = running.http().get("/health");
            assertThat(health.json().path("status").asText()).isEqualTo("degraded");
            assertThat(health.json().path("live_feed").path("up").asBoolean(true))
                    .isFalse();
            assertThat(health.json().path("live_feed").path("problem").asText())
                    .contains("the live feed is down since");
            Instant downSince = Instant.parse(
                    health.json().path("live_feed").path("down_since").asText());
            // Restarts back off, 100 ms doubling: the fourth comes at least 100 + 200 + 400 + 800 ms after the failure.
            Await.await(
                    TIMEOUT, "four failed restarts", () -> metric(running, "realtime_live_feed_restarts_total") >= 4);
            assertThat(Duration.between(downSince, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(metric(running, "realtime_live_feed_up")).isZero();

            // While it is down: a record of another replica, a broadcast of this one behind it, an event.
            client.produce(liveTopic, WARD, "{\"n\":2}", Map.of("live_topic", WARD));
            broadcast(agent, 3);
            agent.emit(EventType.ALERT_TRIGGERED, Map.of("n", 4))
                    .toCompletableFuture()
                    .get(20, TimeUnit.SECONDS);

            FaultyLiveFeed.heal();
            Await.await(
                    TIMEOUT,
                    "readiness once the feed restarted",
                    () -> ready(running).status() == 200);
            assertThat(metric(running, "realtime_live_feed_up")).isEqualTo(1);
            assertThat(running.http().get("/health").json().has("live_feed")).isFalse();
            broadcast(agent, 5);

            Await.await(
                    TIMEOUT,
                    "the last broadcast on the WebSocket",
                    () -> ns(ws.broadcasts(WARD)).contains(5));
            Await.await(
                    TIMEOUT,
                    "the last broadcast on SSE",
                    () -> ns(sse.broadcasts(WARD)).contains(5));
            assertThat(ns(ws.broadcasts(WARD))).as("no gap, no repeat").containsExactly(0, 1, 2, 3, 5);
            assertThat(ns(sse.broadcasts(WARD))).as("no gap, no repeat").containsExactly(0, 1, 2, 3, 5);
            Await.await(TIMEOUT, "the event emitted while the feed was down", () -> events(sse.received()) == 1);
            Await.await(TIMEOUT, "the event on the WebSocket", () -> events(ws.received()) == 1);

            try (SseTestClient resumed = running.sse(STREAM, "Last-Event-ID", lastId)) {
                Await.await(
                        TIMEOUT,
                        "the replay",
                        () -> ns(resumed.broadcasts(WARD)).contains(5) && events(resumed.received()) == 1);
                assertThat(resumed.received().getFirst().path("message_type").asText())
                        .as("no events_missed notice")
                        .isIn("broadcast", "realtime_event");
                assertThat(ns(resumed.broadcasts(WARD))).containsExactly(1, 2, 3, 5);
            }
        }
    }

    private static void broadcast(RealtimeAgent agent, int n) throws Exception {
        agent.broadcast(WARD, Map.of("n", n)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static HttpTestClient.Response ready(TestAgent<?> running) {
        return running.http().get("/health/ready");
    }

    private static String problems(TestAgent<?> running) {
        return ready(running).json().path("problems").toString();
    }

    private static double metric(TestAgent<?> running, String name) {
        return PrometheusText.value(running.http().get("/metrics").body(), name, Map.of())
                .orElse(-1);
    }

    private static List<Integer> ns(List<JsonNode> broadcasts) {
        return broadcasts.stream().map(data -> data.path("n").asInt(-1)).toList();
    }

    private static long events(List<JsonNode> received) {
        return received.stream()
                .filter(message -> message.path("message_type").asText().equals("realtime_event"))
                .count();
    }
}
