package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.handler.KafkaContext;
import io.realtimeagents.common.handler.MessageContext;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** Message types reach typed handlers; same-key order holds; partitions run in parallel. */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class TypedHandlersIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record BloodPressure(String patientId, int systolicPressure, int diastolicPressure) {}

    record HeartRate(String patientId, int beatsPerMinute) {}

    record Handled(String messageType, Object payload, String topic) {}

    static final class VitalsAgent extends RealtimeAgent {
        final List<Handled> handled = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("blood_pressure", BloodPressure.class, (reading, context) -> record(reading, context));
            onMessage("heart_rate", HeartRate.class, (reading, context) -> record(reading, context));
        }

        private void record(Object payload, MessageContext context) {
            handled.add(new Handled(context.messageType(), payload, context.topic()));
        }
    }

    @Test
    void messageType_fromHeaderBodyEnvelopeOrTopicMapping_reachesTheTypedHandler(
            KafkaBroker broker, KafkaTestClient client) {
        String unmapped = client.uniqueTopic("vitals", 1);
        String heartRates = client.uniqueTopic("heart-rates", 1);
        try (TestAgent<VitalsAgent> running = TestAgent.start(
                VitalsAgent::new,
                broker,
                c -> c.streamingTopics(unmapped, heartRates).topicMessageType(heartRates, "heart_rate"))) {
            VitalsAgent agent = running.agent();
            AgentConfig config = running.config();
            client.produce(
                    unmapped,
                    "p1",
                    "{\"patient_id\":\"by-header\",\"systolic_pressure\":121,\"diastolic_pressure\":81}",
                    Map.of("message_type", "blood_pressure"));
            client.produce(
                    unmapped,
                    "p1",
                    "{\"message_type\":\"blood_pressure\",\"patient_id\":\"by-field\",\"systolic_pressure\":122,"
                            + "\"diastolic_pressure\":82}");
            client.produce(
                    unmapped,
                    "p1",
                    "{\"message_type\":\"blood_pressure\",\"payload\":{\"patient_id\":\"by-envelope\","
                            + "\"systolic_pressure\":123,\"diastolic_pressure\":83}}");
            client.produce(
                    unmapped,
                    "p1",
                    "{\"patient_id\":\"by-cloud-events-header\",\"beats_per_minute\":61}",
                    Map.of("ce_type", "heart_rate"));
            client.produce(heartRates, "p2", "{\"patient_id\":\"by-topic\",\"beats_per_minute\":72}");
            client.produce(
                    heartRates,
                    "p2",
                    "{\"patient_id\":\"header-beats-topic\",\"systolic_pressure\":124,\"diastolic_pressure\":84}",
                    Map.of("message_type", "blood_pressure"));

            Await.await(TIMEOUT, "6 messages handled", () -> agent.handled.size() == 6);

            assertThat(agent.handled)
                    .containsExactlyInAnyOrder(
                            new Handled("blood_pressure", new BloodPressure("by-header", 121, 81), unmapped),
                            new Handled("blood_pressure", new BloodPressure("by-field", 122, 82), unmapped),
                            new Handled("blood_pressure", new BloodPressure("by-envelope", 123, 83), unmapped),
                            new Handled("heart_rate", new HeartRate("by-cloud-events-header", 61), unmapped),
                            new Handled("heart_rate", new HeartRate("by-topic", 72), heartRates),
                            new Handled(
                                    "blood_pressure", new BloodPressure("header-beats-topic", 124, 84), heartRates));
        }
    }

    record Sequenced(String key, int seq) {}

    static final class SequenceAgent extends RealtimeAgent {
        final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        final Map<String, Integer> partitionOfKey = new ConcurrentHashMap<>();

        @Override
        protected void initialize() {
            onMessage("sequenced", Sequenced.class, (record, context) -> {
                if (record.seq() % 40 == 7 && context.attempt() == 1) {
                    throw new IllegalStateException("first attempt of " + record + " fails on purpose");
                }
                seen.computeIfAbsent(record.key(), key -> Collections.synchronizedList(new ArrayList<>()))
                        .add(record.seq());
                partitionOfKey.put(record.key(), ((KafkaContext) context).partition());
            });
        }

        int total() {
            return seen.values().stream().mapToInt(List::size).sum();
        }
    }

    @Test
    void recordsWithTheSameKey_areHandledInProducedOrder_evenWhenSomeAreRetried(
            KafkaBroker broker, KafkaTestClient client) {
        int perKey = 200;
        List<String> keys = List.of("patient-a", "patient-b", "patient-c");
        String topic = client.uniqueTopic("sequenced", 4);
        try (TestAgent<SequenceAgent> running = TestAgent.start(
                SequenceAgent::new, broker, c -> c.streamingTopics(topic).topicMessageType(topic, "sequenced"))) {
            SequenceAgent agent = running.agent();
            AgentConfig config = running.config();
            for (int seq = 0; seq < perKey; seq++) {
                for (String key : keys) {
                    client.produce(topic, key, "{\"key\":\"" + key + "\",\"seq\":" + seq + "}");
                }
            }

            Await.await(
                    TIMEOUT, keys.size() * perKey + " records handled", () -> agent.total() == keys.size() * perKey);

            List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
            for (String key : keys) {
                assertThat(agent.seen.get(key))
                        .as("handling order of key %s", key)
                        .containsExactlyElementsOf(expected);
                assertThat(agent.partitionOfKey.get(key)).isEqualTo(partitionOf(key, 4));
            }
        }
    }

    record Step(String name, boolean block) {}

    static final class BlockingAgent extends RealtimeAgent {
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> handled = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("step", Step.class, (step, context) -> {
                if (step.block()) {
                    blocked.countDown();
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released " + step);
                    }
                }
                handled.add(step.name());
            });
        }
    }

    @Test
    void handlerBlockedOnOnePartition_doesNotHoldUpAnotherPartition(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String topic = client.uniqueTopic("parallel", 2);
        String keyOnA = keyOnPartition(0, 2);
        String keyOnB = keyOnPartition(1, 2);
        try (TestAgent<BlockingAgent> running = TestAgent.start(
                BlockingAgent::new, broker, c -> c.streamingTopics(topic).topicMessageType(topic, "step"))) {
            BlockingAgent agent = running.agent();
            client.produce(topic, keyOnA, "{\"name\":\"a-blocks\",\"block\":true}");
            client.produce(topic, keyOnA, "{\"name\":\"a-after-block\",\"block\":false}");
            assertThat(agent.blocked.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();
            for (int i = 0; i < 10; i++) {
                client.produce(topic, keyOnB, "{\"name\":\"b-" + i + "\",\"block\":false}");
            }

            Await.await(TIMEOUT, "partition B handled while A is blocked", () -> agent.handled.size() == 10);
            assertThat(agent.handled)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 10).mapToObj(i -> "b-" + i).toList());

            agent.release.countDown();
            Await.await(TIMEOUT, "partition A resumes in order", () -> agent.handled.size() == 12);
            assertThat(agent.handled.subList(10, 12)).containsExactly("a-blocks", "a-after-block");
        }
    }

    /** The partition Kafka's default partitioner picks for a key. */
    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    static String keyOnPartition(int partition, int partitions) {
        for (int i = 0; ; i++) {
            String key = "key-" + i;
            if (partitionOf(key, partitions) == partition) {
                return key;
            }
        }
    }
}
