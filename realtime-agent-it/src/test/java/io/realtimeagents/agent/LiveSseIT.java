package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-Sent Events: framing, topics, heartbeats and resume from Last-Event-ID, with a real HTTP client. */
@WithKafka
class LiveSseIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int HISTORY = 20;

    private static RealtimeAgent agent;
    private static TestAgent<RealtimeAgent> running;

    @BeforeAll
    static void start(KafkaBroker broker, KafkaTestClient client) {
        running = TestAgent.start(
                () -> new RealtimeAgent() {},
                broker,
                c -> c.set(AgentSettings.KAFKA_LIVE_TOPIC, client.uniqueTopic("live", 3))
                        .set(AgentSettings.LIVE_HISTORY_SIZE, HISTORY)
                        .set(AgentSettings.LIVE_HEARTBEAT_INTERVAL, Duration.ofMillis(300))
                        .set(AgentSettings.SSE_RETRY, Duration.ofMillis(1500)));
        agent = running.agent();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static URI url(String path) {
        return running.url(path);
    }

    private static void broadcast(String topic, int n) throws Exception {
        agent.broadcast(topic, Map.of("n", n)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    void streamSendsRetryIdsDataAndHeartbeats_withHeadersThatStopProxyBuffering() throws Exception {
        try (SseTestClient sse = SseTestClient.open(url("/stream/events"))) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.headers().firstValue("content-type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            assertThat(sse.headers().firstValue("cache-control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
            assertThat(sse.headers().firstValue("x-accel-buffering")).hasValue("no");

            broadcast("framing", 1);
            agent.emit(EventType.DATA_PROCESSED, Map.of("rows", 3));

            // The broadcast and the event travel on different Kafka topics: either may arrive first.
            Map<String, SseTestClient.Event> received = new HashMap<>();
            while (received.size() < 2) {
                SseTestClient.Event next = sse.next(TIMEOUT);
                received.put(next.type(), next);
            }
            SseTestClient.Event first = received.get("broadcast");
            assertThat(first.id()).isNotBlank();
            assertThat(first.data().path("payload").path("topic").asText()).isEqualTo("framing");
            assertThat(first.data().path("payload").path("data").path("n").asInt())
                    .isEqualTo(1);
            SseTestClient.Event event = received.get("realtime_event");
            assertThat(event.id()).isNotBlank().isNotEqualTo(first.id());
            assertThat(event.data()
                            .path("payload")
                            .path("event")
                            .path("data")
                            .path("rows")
                            .asInt())
                    .isEqualTo(3);
            assertThat(sse.retry()).isEqualTo("1500");
            Await.await(TIMEOUT, "heartbeat comments", () -> sse.comments() >= 2);
        }
    }

    @Test
    void aStreamThatCarriesMessagesNeedsNoHeartbeatComments_aQuietOneGetsThem() throws Exception {
        try (SseTestClient sse = SseTestClient.open(url("/stream/topic/busy"))) {
            broadcast("busy", 0);
            sse.next(TIMEOUT);
            int before = sse.comments();
            long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            for (int n = 1; System.nanoTime() < end; n++) {
                broadcast("busy", n);
                sse.next(TIMEOUT);
            }

            // Five heartbeat intervals of 300 ms passed; one comment is tolerated for a stall of the machine.
            assertThat(sse.comments())
                    .as("heartbeat comments while messages flowed")
                    .isLessThanOrEqualTo(before + 1);
            int flowing = sse.comments();
            Await.await(TIMEOUT, "a heartbeat comment once the stream is quiet", () -> sse.comments() > flowing);
        }
    }

    @Test
    void topicStreamsCarryOnlyTheirTopics_andSeveralTopicsShareOneStream() throws Exception {
        try (SseTestClient one = SseTestClient.open(url("/stream/topic/only-a"));
                SseTestClient both = SseTestClient.open(url("/stream/events?topics=only-a,only-b"))) {
            broadcast("only-c", 0);
            broadcast("only-b", 1);
            broadcast("only-a", 2);

            SseTestClient.Event a = one.next(TIMEOUT);
            assertThat(a.data().path("payload").path("topic").asText()).isEqualTo("only-a");
            List<String> topics = new ArrayList<>();
            topics.add(both.next(TIMEOUT).data().path("payload").path("topic").asText());
            topics.add(both.next(TIMEOUT).data().path("payload").path("topic").asText());
            assertThat(topics).containsExactlyInAnyOrder("only-a", "only-b");
            assertThat(one.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void invalidTopicIsRefusedWith400() throws Exception {
        try (SseTestClient sse = SseTestClient.open(url("/stream/topic/bad%20topic"))) {
            assertThat(sse.status()).isEqualTo(400);
        }
    }

    @Test
    void reconnectWithLastEventIdGetsExactlyTheMissedMessagesInOrder() throws Exception {
        String lastId;
        try (SseTestClient sse = SseTestClient.open(url("/stream/topic/resume"))) {
            broadcast("resume", 0);
            lastId = sse.next(TIMEOUT).id();
        }
        for (int n = 1; n <= 5; n++) {
            broadcast("resume", n);
        }
        broadcast("elsewhere", 99);

        try (SseTestClient again = SseTestClient.open(url("/stream/topic/resume"), "Last-Event-ID", lastId)) {
            List<Integer> replayed = new ArrayList<>();
            String id = null;
            for (int i = 0; i < 5; i++) {
                SseTestClient.Event event = again.next(TIMEOUT);
                replayed.add(event.data().path("payload").path("data").path("n").asInt());
                id = event.id();
            }
            assertThat(replayed).containsExactly(1, 2, 3, 4, 5);
            broadcast("resume", 6);
            SseTestClient.Event live = again.next(TIMEOUT);
            assertThat(live.data().path("payload").path("data").path("n").asInt())
                    .isEqualTo(6);
            assertThat(live.id()).isNotEqualTo(id);
        }
        try (SseTestClient query = SseTestClient.open(url("/stream/topic/resume?last_event_id=" + lastId))) {
            assertThat(query.next(TIMEOUT)
                            .data()
                            .path("payload")
                            .path("data")
                            .path("n")
                            .asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void reconnectBeyondTheHistoryIsToldMessagesWereMissed_thenGetsWhatIsKept() throws Exception {
        String lastId;
        try (SseTestClient sse = SseTestClient.open(url("/stream/topic/overflow"))) {
            broadcast("overflow", 0);
            lastId = sse.next(TIMEOUT).id();
        }
        int sent = HISTORY + 10;
        for (int n = 1; n <= sent; n++) {
            broadcast("overflow", n);
        }

        try (SseTestClient again = SseTestClient.open(url("/stream/topic/overflow"), "Last-Event-ID", lastId)) {
            SseTestClient.Event notice = again.next(TIMEOUT);
            assertThat(notice.type()).isEqualTo("events_missed");
            assertThat(notice.id()).isNull();
            assertThat(notice.data().path("payload").path("last_event_id").asText())
                    .isEqualTo(lastId);
            assertThat(notice.data().path("payload").path("reason").asText()).contains("no longer reaches back");
            // The history holds the last HISTORY messages the replica had read when the client came back; the newest
            // may still be on its way from Kafka and then arrives live, right after the replay.
            List<Integer> kept = new ArrayList<>();
            while (kept.isEmpty() || kept.getLast() != sent) {
                kept.add(again.next(TIMEOUT)
                        .data()
                        .path("payload")
                        .path("data")
                        .path("n")
                        .asInt());
            }
            assertThat(kept).hasSizeBetween(HISTORY, sent - 1);
            assertThat(kept.getFirst()).isGreaterThan(1);
            assertThat(kept)
                    .isEqualTo(
                            IntStream.rangeClosed(kept.getFirst(), sent).boxed().toList());
        }
    }

    @Test
    void unknownLastEventIdIsToldMessagesMayHaveBeenMissed() throws Exception {
        try (SseTestClient sse = SseTestClient.open(url("/stream/topic/unknown-id"), "Last-Event-ID", "garbage")) {
            assertThat(sse.next(TIMEOUT).type()).isEqualTo("events_missed");
        }
    }
}
