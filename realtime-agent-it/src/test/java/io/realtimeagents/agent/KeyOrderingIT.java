package io.realtimeagents.agent;

import static io.realtimeagents.agent.support.Commits.committed;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.KafkaOrdering;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * {@code KAFKA_ORDERING=key} and {@code unordered}: records of different keys (and, unordered, of one key) are handled
 * concurrently within a partition, records of one key in order, with the delivery contract intact.
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class KeyOrderingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Step(String key, int seq, long delayMicros) {}

    /** Records, per key, the sequence numbers in the order they were handled, and the most handled at once. */
    static final class StepAgent extends RealtimeAgent {
        final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @Override
        protected void initialize() {
            onMessage("step", Step.class, (step, context) -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(step.delayMicros()));
                    seen.computeIfAbsent(step.key(), key -> new CopyOnWriteArrayList<>())
                            .add(step.seq());
                } finally {
                    running.decrementAndGet();
                }
                handled.incrementAndGet();
            });
        }
    }

    @Test
    void keyOrdering_handlesManyKeysConcurrently_andEachKeysRecordsInOrder(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("keyed", 4);
        int keys = 200;
        int perKey = 15;
        StepAgent agent = new StepAgent();
        AgentConfig config = config(broker, topic, KafkaOrdering.KEY, 100);
        try (RunningAgent running = TestAgents.start(agent, config)) {
            for (int seq = 0; seq < perKey; seq++) {
                for (int k = 0; k < keys; k++) {
                    long delay = ThreadLocalRandom.current().nextLong(0, 4_000);
                    client.produce(topic, "key-" + k, step("key-" + k, seq, delay));
                }
            }
            Await.await(TIMEOUT, "every record handled", () -> agent.handled.get() == keys * perKey);
            for (int k = 0; k < keys; k++) {
                assertThat(agent.seen.get("key-" + k))
                        .as("records of key-%d in handling order", k)
                        .isEqualTo(sequence(perKey));
            }
            assertThat(agent.mostAtOnce.get())
                    .as("records handled at once")
                    .isGreaterThan(4)
                    .isLessThanOrEqualTo(100);
            Await.await(TIMEOUT, "every record committed", () -> committed(client, config, topic) == keys * perKey);
            String metrics = HttpTestClient.of(running.url()).get("/metrics").body();
            assertThat(PrometheusText.has(metrics, "realtime_consumer_in_flight", Map.of()))
                    .isTrue();
            assertThat(PrometheusText.has(metrics, "realtime_consumer_key_waiting", Map.of()))
                    .isTrue();
            assertThat(PrometheusText.has(metrics, "realtime_consumer_commit_lag", Map.of()))
                    .isTrue();
        }
    }

    @Test
    void unorderedOrdering_handlesRecordsOfOneKeyConcurrently(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("unordered", 1);
        StepAgent agent = new StepAgent();
        try (RunningAgent running = TestAgents.start(agent, config(broker, topic, KafkaOrdering.UNORDERED, 50))) {
            for (int seq = 0; seq < 200; seq++) {
                client.produce(topic, "only-key", step("only-key", seq, 20_000));
            }
            Await.await(TIMEOUT, "every record handled", () -> agent.handled.get() == 200);
            assertThat(agent.seen.get("only-key")).containsExactlyInAnyOrderElementsOf(sequence(200));
            assertThat(agent.mostAtOnce.get())
                    .as("records of one key handled at once")
                    .isGreaterThan(2);
        }
    }

    @Test
    void poisonedKey_isRetriedAndDeadLettered_whileOtherKeysFlow(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("poisoned", 1);
        broker.createTopic(topic + ".dlq", 1);
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicBoolean othersFlowed = new AtomicBoolean();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("step", Step.class, (step, context) -> {
                    if (step.key().equals("poison")) {
                        if (context.attempt() == 1) {
                            // Holds its first attempt until the other keys are through: with the partition held
                            // instead of the key, they never would be, and the wait runs out.
                            othersFlowed.set(othersHandled(order, 50));
                        }
                        order.add("poison attempt " + context.attempt());
                        throw new IllegalStateException("poisoned step " + step.seq());
                    }
                    order.add(step.key());
                });
            }
        };
        AgentConfig config = config(broker, topic, KafkaOrdering.KEY, 100).toBuilder()
                .retries(2, Duration.ofMillis(400), Duration.ofMillis(400))
                .build();
        try (RunningAgent running = TestAgents.start(agent, config)) {
            client.produce(topic, "poison", step("poison", 0, 0));
            for (int k = 0; k < 50; k++) {
                client.produce(topic, "key-" + k, step("key-" + k, 0, 0));
            }
            ConsumerRecord<String, String> letter =
                    client.consume(topic + ".dlq", 1, TIMEOUT).get(0);
            assertThat(letter.key()).isEqualTo("poison");
            assertThat(othersFlowed)
                    .as("the other keys were handled while the poisoned one waited")
                    .isTrue();
            assertThat(order.indexOf("poison attempt 3"))
                    .as("the poisoned key's last attempt comes after every other key: it held only its own key")
                    .isEqualTo(order.size() - 1);
            assertThat(order).hasSize(53);
            Await.await(TIMEOUT, "every record committed", () -> committed(client, config, topic) == 51);
        }
    }

    @Test
    void recordsDoneBeyondAnUnfinishedOne_areRememberedInTheCommit_andNotHandledAgainBySuccessor(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("remembered", 1);
        CountDownLatch never = new CountDownLatch(1);
        List<Integer> firstHandled = new CopyOnWriteArrayList<>();
        RealtimeAgent first = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("step", Step.class, (step, context) -> {
                    if (step.seq() == 0) {
                        never.await(); // blocks until the agent stops: never done
                    }
                    firstHandled.add(step.seq());
                });
            }
        };
        AgentConfig config = config(broker, topic, KafkaOrdering.KEY, 100).toBuilder()
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(1))
                .build();
        try (RunningAgent running = TestAgents.start(first, config)) {
            for (int seq = 0; seq < 10; seq++) {
                client.produce(topic, "key-" + seq, step("key-" + seq, seq, 0));
            }
            Await.await(TIMEOUT, "records 1 to 9 handled", () -> firstHandled.size() == 9);
            Await.await(TIMEOUT, "records 1 to 9 remembered in the commit", () -> {
                OffsetAndMetadata last = lastCommit(client, config, topic);
                return last != null && last.offset() == 0 && "k1:1-9".equals(last.metadata());
            });
        }
        List<Integer> secondHandled = new CopyOnWriteArrayList<>();
        RealtimeAgent second = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("step", Step.class, (step, context) -> secondHandled.add(step.seq()));
            }
        };
        try (RunningAgent running = TestAgents.start(second, config)) {
            Await.await(TIMEOUT, "the unfinished record handled", () -> secondHandled.contains(0));
            Await.await(TIMEOUT, "every record committed", () -> committed(client, config, topic) == 10);
            assertThat(secondHandled).as("records the successor handled").containsExactly(0);
        }
    }

    @Test
    void secondReplicaJoiningMidStream_takesOverPartitions_andNothingIsLost(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("rebalanced", 4);
        int records = 4000;
        AgentConfig config = config(broker, topic, KafkaOrdering.KEY, 20); // about 1,000 records/s
        StepAgent first = new StepAgent();
        StepAgent second = new StepAgent();
        for (int seq = 0; seq < records; seq++) {
            client.produce(topic, "key-" + (seq % 300), step("key-" + (seq % 300), seq, 20_000));
        }
        try (RunningAgent one = TestAgents.start(first, config)) {
            Await.await(TIMEOUT, "a part handled by the first replica", () -> first.handled.get() >= records / 5);
            try (RunningAgent two = TestAgents.start(second, config)) {
                Await.await(TIMEOUT, "every record committed", () -> committed(client, config, topic) == records);
            }
        }
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        first.seen.values().forEach(handled::addAll);
        second.seen.values().forEach(handled::addAll);
        assertThat(handled).as("records handled by either replica").hasSize(records);
        assertThat(second.handled.get())
                .as("records the second replica handled")
                .isPositive();
    }

    private static AgentConfig config(KafkaBroker broker, String topic, KafkaOrdering ordering, int maxInFlight) {
        return TestAgents.config(broker, "ordering")
                .streamingTopics(topic)
                .topicMessageType(topic, "step")
                .set(AgentSettings.KAFKA_ORDERING, ordering)
                .set(AgentSettings.KAFKA_MAX_IN_FLIGHT, maxInFlight)
                .build();
    }

    private static String step(String key, int seq, long delayMicros) {
        return "{\"key\":\"" + key + "\",\"seq\":" + seq + ",\"delay_micros\":" + delayMicros + "}";
    }

    private static List<Integer> sequence(int count) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(i);
        }
        return values;
    }

    private static OffsetAndMetadata lastCommit(KafkaTestClient client, AgentConfig config, String topic) {
        try {
            return client.admin()
                    .listConsumerGroupOffsets(config.consumerGroup())
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, 0));
        } catch (Exception e) {
            throw new AssertionError("Cannot read the commits of " + config.consumerGroup(), e);
        }
    }

    /** Whether {@code expected} records of other keys were handled within the test's timeout. */
    private static boolean othersHandled(List<String> order, int expected) {
        try {
            Await.await(
                    TIMEOUT,
                    "the other keys handled",
                    () -> order.stream()
                                    .filter(entry -> entry.startsWith("key-"))
                                    .count()
                            == expected);
            return true;
        } catch (AssertionError timedOut) {
            return false;
        }
    }
}
