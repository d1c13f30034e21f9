package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Emitting events, event handlers across consumer groups, and plain Kafka sends. */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class EventsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** An agent that only produces. */
    static final class QuietAgent extends RealtimeAgent {}

    /** Records the alerts it is given. */
    static final class AlertAgent extends RealtimeAgent {
        final List<RealtimeEvent> alerts = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onEvent(EventType.ALERT_TRIGGERED, (event, context) -> alerts.add(event));
        }
    }

    @Test
    void emit_publishesSnakeCaseEventWithSourceService(KafkaBroker broker, KafkaTestClient client) throws Exception {
        String events = client.uniqueTopic("events", 2);
        try (TestAgent<QuietAgent> running = TestAgent.start(QuietAgent::new, broker, c -> c.eventsTopic(events))) {
            QuietAgent agent = running.agent();
            AgentConfig config = running.config();
            SentRecord sent = agent.emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", "p7", "bpm", 131))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            ConsumerRecord<String, String> record =
                    client.consume(events, 1, TIMEOUT).get(0);
            assertThat(sent.topic()).isEqualTo(events);
            assertThat(record.partition()).isEqualTo(sent.partition());
            assertThat(record.offset()).isEqualTo(sent.offset());
            assertThat(KafkaTestClient.header(record, KafkaRuntime.EVENT_TYPE_HEADER))
                    .isEqualTo("alert_triggered");
            JsonNode event = Json.tree(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(event.get("event_id").asText()).isNotBlank().isEqualTo(record.key());
            assertThat(event.get("event_type").asText()).isEqualTo("alert_triggered");
            assertThat(event.get("source_service").asText()).isEqualTo(config.serviceName());
            assertThat(Instant.parse(event.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
            assertThat(event.get("data").get("patient_id").asText()).isEqualTo("p7");
            assertThat(event.get("data").get("bpm").asInt()).isEqualTo(131);
            assertThat(event.has("eventType") || event.has("sourceService")).isFalse();
        }
    }

    @Test
    void eventHandlers_runOncePerConsumerGroup_andEveryGroupGetsEveryEvent(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String events = client.uniqueTopic("alerts", 2);
        String replicas = TestAgent.uniqueName("alert-replica");
        try (TestAgent<AlertAgent> runningA = TestAgent.start(
                        AlertAgent::new, broker, c -> c.serviceName(replicas).eventsTopic(events));
                TestAgent<AlertAgent> runningB = TestAgent.start(
                        AlertAgent::new, broker, c -> c.serviceName(replicas).eventsTopic(events));
                TestAgent<AlertAgent> runningOther =
                        TestAgent.start(AlertAgent::new, broker, c -> c.eventsTopic(events))) {
            AlertAgent replicaA = runningA.agent();
            AlertAgent replicaB = runningB.agent();
            AlertAgent other = runningOther.agent();
            AgentConfig replicaConfig = runningA.config();
            AgentConfig otherConfig = runningOther.config();
            Await.await(
                    TIMEOUT,
                    "the replicas share the partitions",
                    () -> runningA.assignedPartitions().size() == 1
                            && runningB.assignedPartitions().size() == 1);
            Await.await(
                    TIMEOUT,
                    "the other group holds every partition",
                    () -> runningOther.assignedPartitions().size() == 2);

            int count = 40;
            List<String> emitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RealtimeEvent event = RealtimeEvent.of(EventType.ALERT_TRIGGERED, Map.of("seq", i))
                        .withCorrelationId("patient-" + i);
                replicaA.emit(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
                emitted.add(event.eventId());
            }
            RealtimeEvent notAnAlert = RealtimeEvent.of(EventType.DATA_PROCESSED, Map.of("seq", -1));
            replicaB.emit(notAnAlert).toCompletableFuture().get(30, TimeUnit.SECONDS);

            Await.await(
                    TIMEOUT, "the replicas' group done", () -> client.lag(replicaConfig.consumerGroup(), events) == 0);
            Await.await(TIMEOUT, "the other group done", () -> client.lag(otherConfig.consumerGroup(), events) == 0);

            List<String> handledByReplicas = new ArrayList<>(ids(replicaA.alerts));
            handledByReplicas.addAll(ids(replicaB.alerts));
            assertThat(handledByReplicas).containsExactlyInAnyOrderElementsOf(emitted);
            assertThat(replicaA.alerts).as("events handled by replica A").isNotEmpty();
            assertThat(replicaB.alerts).as("events handled by replica B").isNotEmpty();
            assertThat(ids(other.alerts)).containsExactlyInAnyOrderElementsOf(emitted);
            assertThat(other.alerts)
                    .allSatisfy(event -> assertThat(event.sourceService()).isEqualTo(replicaConfig.serviceName()));
            assertThat(other.alerts)
                    .extracting(event -> ((Number) event.data().get("seq")).intValue())
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, count).boxed().toList());
        }
    }

    /** Emits an alert for every reading it handles. */
    static final class AlertingAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onMessage(
                    "reading",
                    Reading.class,
                    (reading, context) -> emit(EventType.ALERT_TRIGGERED, Map.of("patient_id", reading.patientId())));
        }
    }

    @Test
    void eventEmittedWhileHandlingAKeyedRecord_carriesItsKey_andAnUnkeyedOneItsEventId(
            KafkaBroker broker, KafkaTestClient client) {
        String readings = client.uniqueTopic("readings", 3);
        String events = client.uniqueTopic("events", 3);
        try (TestAgent<AlertingAgent> running = TestAgent.start(
                AlertingAgent::new,
                broker,
                c -> c.streamingTopics(readings)
                        .topicMessageType(readings, "reading")
                        .eventsTopic(events))) {
            AgentConfig config = running.config();
            for (int i = 0; i < 3; i++) {
                client.produce(readings, "p1", "{\"patient_id\":\"p1\",\"systolic_pressure\":" + (150 + i) + "}");
            }
            client.produceBytes(
                    readings,
                    null,
                    "{\"patient_id\":\"p2\",\"systolic_pressure\":150}".getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<String, String>> emitted = client.consume(events, 4, TIMEOUT);
            List<ConsumerRecord<String, String>> aboutP1 = emitted.stream()
                    .filter(record -> record.value().contains("\"p1\""))
                    .toList();
            assertThat(aboutP1)
                    .as("the events about p1 are keyed by the reading's key, so they share a partition and its order")
                    .hasSize(3)
                    .extracting(ConsumerRecord::key)
                    .containsOnly("p1");
            assertThat(aboutP1)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(TypedHandlersIT.partitionOf("p1", 3));
            ConsumerRecord<String, String> aboutP2 = emitted.stream()
                    .filter(record -> record.value().contains("\"p2\""))
                    .findFirst()
                    .orElseThrow();
            assertThat(aboutP2.key())
                    .as("an event emitted while handling an unkeyed record is keyed by its event id")
                    .isEqualTo(Json.tree(aboutP2.value().getBytes(StandardCharsets.UTF_8))
                            .get("event_id")
                            .asText());
        }
    }

    record Reading(String patientId, int systolicPressure) {}

    @Test
    void sendKafkaMessage_completesWithPartitionAndOffset_andEncodesPayloads(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String topic = client.uniqueTopic("sent", 3);
        try (TestAgent<QuietAgent> running = TestAgent.start(QuietAgent::new, broker)) {
            QuietAgent agent = running.agent();
            SentRecord json = agent.sendKafkaMessage(topic, "p1", new Reading("p1", 128))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            SentRecord raw = agent.sendKafkaMessage(topic, "p1", "plain {text}, not JSON")
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            SentRecord withHeader = agent.sendKafkaMessage(
                            topic, "p1", Map.of("patient_id", "p1"), Map.of("message_type", "reading"))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);

            List<ConsumerRecord<String, String>> records = client.consume(topic, 3, TIMEOUT);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly("p1");
            assertThat(records)
                    .extracting(ConsumerRecord::partition)
                    .containsOnly(json.partition())
                    .containsOnly(TypedHandlersIT.partitionOf("p1", 3));
            assertThat(records)
                    .extracting(ConsumerRecord::offset)
                    .containsExactly(json.offset(), raw.offset(), withHeader.offset());
            assertThat(records)
                    .extracting(ConsumerRecord::value)
                    .containsExactly(
                            "{\"patient_id\":\"p1\",\"systolic_pressure\":128}",
                            "plain {text}, not JSON",
                            "{\"patient_id\":\"p1\"}");
            assertThat(KafkaTestClient.header(records.get(2), "message_type")).isEqualTo("reading");
            assertThat(json.topic()).isEqualTo(topic);
            assertThat(json.timestamp()).isNotNull();
        }
    }

    private static List<String> ids(List<RealtimeEvent> events) {
        return events.stream().map(RealtimeEvent::eventId).toList();
    }
}
