package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.support.GatedLiveFeed;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.SseTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WsTestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Two replicas of one service: what one emits or broadcasts reaches the clients of the other. */
@WithKafka
class LiveReplicasIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String WARD_8 = "/stream/topic/ward-8";

    @Test
    void clientOnReplicaBReceivesWhatReplicaAEmittedAndBroadcast_andResumesOnBFromAnIdOfA(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String service = TestAgent.uniqueName("replicas");
        String events = client.uniqueTopic("events", 2);
        String live = client.uniqueTopic("live", 2);
        UnaryOperator<AgentConfig.Builder> replica =
                c -> c.serviceName(service).eventsTopic(events).set(AgentSettings.KAFKA_LIVE_TOPIC, live);
        try (TestAgent<RealtimeAgent> replicaA = TestAgent.start(() -> new RealtimeAgent() {}, broker, replica);
                TestAgent<RealtimeAgent> replicaB = TestAgent.start(() -> new RealtimeAgent() {}, broker, replica);
                WsTestClient onB = replicaB.ws("/ws")) {
            RealtimeAgent a = replicaA.agent();
            AgentConfig config = replicaA.config();
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
            try (SseTestClient onA = replicaA.sse(WARD_8)) {
                a.broadcast("ward-8", Map.of("n", 0)).toCompletableFuture().get(20, TimeUnit.SECONDS);
                lastId = onA.next(TIMEOUT).id();
            }
            for (int n = 1; n <= 4; n++) {
                a.broadcast("ward-8", Map.of("n", n)).toCompletableFuture().get(20, TimeUnit.SECONDS);
            }
            try (SseTestClient resumedOnB = replicaB.sse(WARD_8, "Last-Event-ID", lastId)) {
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
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                        () -> new RealtimeAgent() {},
                        broker,
                        c -> c.kafkaProducerProperty("linger.ms", "60000")
                                .kafkaProducerProperty("batch.size", "1000000"));
                WsTestClient ws = running.ws("/ws")) {
            RealtimeAgent agent = running.agent();
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
        String service = TestAgent.uniqueName("own-broadcasts");
        GatedLiveFeed.watch(service);
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                        () -> new RealtimeAgent() {},
                        broker,
                        c -> c.serviceName(service)
                                .set(AgentSettings.KAFKA_LIVE_TOPIC, liveTopic)
                                .kafkaConsumerProperty("interceptor.classes", GatedLiveFeed.class.getName()));
                WsTestClient ws = running.ws("/ws");
                AutoCloseable gateOpens = GatedLiveFeed::release) {
            RealtimeAgent agent = running.agent();
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
}
