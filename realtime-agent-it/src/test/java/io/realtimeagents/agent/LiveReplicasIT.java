package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.GatedLiveFeed;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two replicas of one service: what one emits or broadcasts reaches the clients of the other. */
@WithKafka
class LiveReplicasIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void clientOnReplicaBReceivesWhatReplicaAEmittedAndBroadcast_andResumesOnBFromAnIdOfA(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        AgentConfig config = TestAgents.config(broker, "replicas")
                .eventsTopic(client.uniqueTopic("events", 2))
                .set(AgentSettings.KAFKA_LIVE_TOPIC, client.uniqueTopic("live", 2))
                .build();
        RealtimeAgent a = new RealtimeAgent() {};
        RealtimeAgent b = new RealtimeAgent() {};
        try (RunningAgent replicaA = TestAgents.start(a, config);
                RunningAgent replicaB = TestAgents.start(b, config);
                WsTestClient onB = WsTestClient.connect(URI.create("ws://localhost:" + replicaB.port() + "/ws"))) {
            onB.send("subscribe", Map.of("topic", "ward-7"), null);
            onB.next("subscription_confirmed", TIMEOUT);
            onB.send("subscribe", Map.of("topic", "alert_triggered"), null);
            onB.next("subscription_confirmed", TIMEOUT);

            a.broadcast("ward-7", Map.of("bed", 3));
            a.emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", "p9"));

            // The broadcast and the event travel on different Kafka topics: either may arrive first.
            Map<String, JsonNode> received = new HashMap<>();
            while (received.size() < 2) {
                JsonNode message = onB.next(TIMEOUT);
                received.put(message.path("message_type").asText(), message);
            }
            JsonNode broadcast = received.get("broadcast");
            assertThat(broadcast.path("payload").path("data").path("bed").asInt())
                    .isEqualTo(3);
            JsonNode event = received.get("realtime_event");
            assertThat(event.path("payload")
                            .path("event")
                            .path("data")
                            .path("patient_id")
                            .asText())
                    .isEqualTo("p9");
            assertThat(event.path("payload")
                            .path("event")
                            .path("source_service")
                            .asText())
                    .isEqualTo(config.serviceName());

            String lastId;
            try (SseTestClient onA = SseTestClient.open(sse(replicaA))) {
                a.broadcast("ward-8", Map.of("n", 0)).toCompletableFuture().get(20, TimeUnit.SECONDS);
                lastId = onA.next(TIMEOUT).id();
            }
            for (int n = 1; n <= 4; n++) {
                a.broadcast("ward-8", Map.of("n", n)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
            try (SseTestClient resumedOnB = SseTestClient.open(sse(replicaB), "Last-Event-ID", lastId)) {
                List<Integer> replayed = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    SseTestClient.Event next = resumedOnB.next(TIMEOUT);
                    assertThat(next.type()).as("no events_missed notice").isEqualTo("broadcast");
                    replayed.add(
                            next.data().path("payload").path("data").path("n").asInt());
                }
                assertThat(replayed).containsExactly(1, 2, 3, 4);
            }
        }
    }

    @Test
    void broadcastsHaveAProducerOfTheirOwnThatSendsAtOnce(KafkaBroker broker, KafkaTestClient client) throws Exception {
        // A linger far longer than the wait below: a broadcast sent by the agent's bulk producer would wait it out.
        AgentConfig config = TestAgents.config(broker, "live-producer")
                .set(AgentSettings.KAFKA_LIVE_TOPIC, client.uniqueTopic("live", 1))
                .kafkaProducerProperty("linger.ms", "60000")
                .kafkaProducerProperty("batch.size", "1000000")
                .build();
        RealtimeAgent agent = new RealtimeAgent() {};
        try (RunningAgent running = TestAgents.start(agent, config);
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"))) {
            ws.send("subscribe", Map.of("topic", "ward-9"), null);
            ws.next("subscription_confirmed", TIMEOUT);

            agent.broadcast("ward-9", Map.of("bed", 1)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            JsonNode received = ws.next("broadcast", Duration.ofSeconds(20));

            assertThat(received.path("payload").path("data").path("bed").asInt())
                    .isEqualTo(1);
        }
    }

    @Test
    void aReplicasOwnBroadcastReachesItsClientsAtAcknowledgement_butNeverOvertakesAnotherReplicasRecord(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String liveTopic = client.uniqueTopic("live", 1);
        AgentConfig config = TestAgents.config(broker, "own-broadcasts")
                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                .kafkaConsumerProperty("interceptor.classes", GatedLiveFeed.class.getName())
                .build();
        GatedLiveFeed.watch(config.serviceName());
        RealtimeAgent agent = new RealtimeAgent() {};
        try (RunningAgent running = TestAgents.start(agent, config);
                WsTestClient ws = WsTestClient.connect(URI.create("ws://localhost:" + running.port() + "/ws"));
                AutoCloseable gateOpens = GatedLiveFeed::release) {
            ws.send("subscribe", Map.of("topic", "ward-5"), null);
            ws.next("subscription_confirmed", TIMEOUT);
            agent.broadcast("ward-5", Map.of("n", 0)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(n(ws.next("broadcast", TIMEOUT)))
                    .as("the feed is reading")
                    .isZero();

            // From here the feed holds what it reads: only delivery at acknowledgement reaches the client.
            GatedLiveFeed.hold();
            agent.broadcast("ward-5", Map.of("n", 1)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            assertThat(n(ws.next("broadcast", Duration.ofSeconds(10)))).isEqualTo(1);

            // Another replica's record comes next in the partition: this replica's next broadcast waits for it.
            client.produce(liveTopic, "ward-5", "{\"n\":2}", Map.of("live_topic", "ward-5"));
            agent.broadcast("ward-5", Map.of("n", 3)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            GatedLiveFeed.release();
            agent.broadcast("ward-5", Map.of("n", 4)).toCompletableFuture().get(20, TimeUnit.SECONDS);

            List<Integer> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.add(n(ws.next("broadcast", TIMEOUT)));
            }
            assertThat(received).as("in partition order, each once").containsExactly(2, 3, 4);
        }
    }

    private static int n(JsonNode broadcast) {
        return broadcast.path("payload").path("data").path("n").asInt(-1);
    }

    private static URI sse(RunningAgent replica) {
        return URI.create("http://localhost:" + replica.port() + "/stream/topic/ward-8");
    }
}
