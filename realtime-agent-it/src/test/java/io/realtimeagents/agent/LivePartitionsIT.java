package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Partitions added to the events and live topics while agents run: the live feed follows them. */
@WithKafka
class LivePartitionsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int LIVE_PARTITIONS = 3;

    @Test
    void messagesOnAddedPartitionsReachClients_andIdsFromBeforeResumeOnThisReplicaAndANewOne(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String eventsTopic = client.uniqueTopic("events", 1);
        String liveTopic = client.uniqueTopic("live", 1);
        // The agent's producers learn of the new partitions quickly; the feed follows at its own default pace.
        AgentConfig config = TestAgents.config(broker, "feed-partitions")
                .eventsTopic(eventsTopic)
                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                .kafkaProducerProperty("metadata.max.age.ms", "500")
                .build();
        String onNewPartition = topicKeyedTo(2);
        RealtimeAgent agent = new RealtimeAgent() {};
        try (RunningAgent running = TestAgents.start(agent, config);
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"));
                SseTestClient sse = SseTestClient.open(stream(running))) {
            for (String topic : List.of(onNewPartition, "alert_triggered")) {
                ws.send("subscribe", Map.of("topic", topic), null);
                ws.next("subscription_confirmed", TIMEOUT);
            }
            broadcast(agent, onNewPartition, 0);
            String before = sse.next(TIMEOUT).id();

            client.admin()
                    .createPartitions(Map.of(
                            liveTopic, NewPartitions.increaseTo(LIVE_PARTITIONS),
                            eventsTopic, NewPartitions.increaseTo(2)))
                    .all()
                    .get(20, TimeUnit.SECONDS);
            // Broadcasts go to partition 0 until the producer's metadata shows the new partitions.
            List<Integer> sent = new ArrayList<>(List.of(0));
            Await.await(TIMEOUT, "a broadcast on an added partition", () -> {
                int n = sent.size();
                sent.add(n);
                return broadcast(agent, onNewPartition, n) == 2;
            });
            sent.add(sent.size());
            assertThat(broadcast(agent, onNewPartition, sent.getLast())).isEqualTo(2);
            String eventOnNewPartition = emitUntilPartition(agent, 1);

            Await.await(
                    TIMEOUT,
                    "the broadcasts on the WebSocket",
                    () -> ns(ws.broadcasts(onNewPartition)).containsAll(sent));
            Await.await(
                    TIMEOUT,
                    "the broadcasts on SSE",
                    () -> ns(sse.broadcasts(onNewPartition)).containsAll(sent));
            assertThat(ns(ws.broadcasts(onNewPartition))).as("each once").hasSameSizeAs(sent);
            assertThat(ns(sse.broadcasts(onNewPartition))).as("each once").hasSameSizeAs(sent);
            Await.await(
                    TIMEOUT,
                    "the event on the added partition",
                    () -> eventIds(sse.received()).contains(eventOnNewPartition));
            Await.await(
                    TIMEOUT,
                    "the event on the WebSocket",
                    () -> eventIds(ws.received()).contains(eventOnNewPartition));

            List<Integer> after = sent.subList(1, sent.size());
            assertResumes(running, before, onNewPartition, after, eventOnNewPartition);
            try (RunningAgent fresh = TestAgents.start(new RealtimeAgent() {}, config)) {
                // Until its feed reads, a fresh replica has no history to resume from.
                Await.await(
                        TIMEOUT,
                        "the new replica's feed reads",
                        () -> PrometheusText.value(
                                                HttpTestClient.of(fresh.url())
                                                        .get("/metrics")
                                                        .body(),
                                                "realtime_live_feed_up",
                                                Map.of())
                                        .orElse(0)
                                == 1);
                assertResumes(fresh, before, onNewPartition, after, eventOnNewPartition);
            }
        }
    }

    /** A client that reconnects with an id from before the partitions were added gets everything since, once. */
    private static void assertResumes(
            RunningAgent replica, String lastId, String topic, List<Integer> expected, String eventId)
            throws Exception {
        try (SseTestClient resumed = SseTestClient.open(stream(replica), "Last-Event-ID", lastId)) {
            Await.await(
                    TIMEOUT,
                    "the replay on " + replica.url(),
                    () -> ns(resumed.broadcasts(topic)).containsAll(expected)
                            && eventIds(resumed.received()).contains(eventId));
            assertThat(resumed.received())
                    .as("no events_missed notice")
                    .noneMatch(message -> message.path("message_type").asText().equals("events_missed"));
            assertThat(ns(resumed.broadcasts(topic))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Broadcasts and answers the live topic's partition it went to. */
    private static int broadcast(RealtimeAgent agent, String topic, int n) {
        return acknowledged(agent.broadcast(topic, Map.of("n", n))).partition();
    }

    /** Emits events until one lands on the given partition of the events topic, and answers its probe id. */
    private static String emitUntilPartition(RealtimeAgent agent, int partition) {
        String[] landed = new String[1];
        Await.await(TIMEOUT, "an event on partition " + partition + " of the events topic", () -> {
            String id = "probe-" + System.nanoTime();
            landed[0] = id;
            return acknowledged(agent.emit(EventType.ALERT_TRIGGERED, Map.of("probe", id)))
                            .partition()
                    == partition;
        });
        return landed[0];
    }

    private static SentRecord acknowledged(CompletionStage<SentRecord> sending) {
        try {
            return sending.toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("not acknowledged", e);
        }
    }

    /** A live topic name whose broadcasts (keyed by it) go to the given partition once the topic has them all. */
    private static String topicKeyedTo(int partition) {
        for (int i = 0; ; i++) {
            String name = "ward-" + i;
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % LIVE_PARTITIONS == partition) {
                return name;
            }
        }
    }

    private static URI stream(RunningAgent running) {
        return URI.create("http://localhost:" + running.port() + "/stream/events");
    }

    private static List<Integer> ns(List<JsonNode> broadcasts) {
        return broadcasts.stream().map(data -> data.path("n").asInt(-1)).toList();
    }

    private static List<String> eventIds(List<JsonNode> received) {
        return received.stream()
                .filter(message -> message.path("message_type").asText().equals("realtime_event"))
                .map(message -> message.path("payload")
                        .path("event")
                        .path("data")
                        .path("probe")
                        .asText())
                .toList();
    }
}
