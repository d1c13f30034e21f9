package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.internal.kafka.KafkaConsumerLoop;
import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.handler.KafkaContext;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Test;

/**
 * A handler slower than {@code max.poll.interval.ms}, failing and retried, does not make the consumer leave its group:
 * the poll loop keeps polling while the partition's worker is busy.
 */
@WithKafka
class SlowHandlerIT {
    private static final Duration MAX_POLL_INTERVAL = Duration.ofMillis(1500);
    private static final Duration HANDLER_TIME = Duration.ofMillis(2500);

    record Job(String name, boolean slow) {}

    record Attempt(String name, int attempt, long offset) {}

    static final class SlowAgent extends RealtimeAgent {
        final List<Attempt> attempts = new CopyOnWriteArrayList<>();
        final List<String> completed = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("job", Job.class, (job, context) -> {
                attempts.add(new Attempt(job.name(), context.attempt(), ((KafkaContext) context).offset()));
                if (job.slow()) {
                    work(HANDLER_TIME);
                    if (context.attempt() <= 2) {
                        throw new IllegalStateException("slow attempt " + context.attempt() + " fails on purpose");
                    }
                }
                completed.add(job.name());
            });
        }

        /** Stands for a handler that computes for a long time (this is the handler under test, not a test wait). */
        private static void work(Duration time) {
            long end = System.nanoTime() + time.toNanos();
            for (long left = time.toNanos(); left > 0; left = end - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        }
    }

    @Test
    void handlerSlowerThanMaxPollInterval_isRetriedWithoutRebalance_andHandledOnce(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String topic = client.uniqueTopic("slow", 2);
        List<String> expectedPartitions = List.of(topic + "-0", topic + "-1");
        try (LogCapture log = LogCapture.of(KafkaConsumerLoop.class);
                TestAgent<SlowAgent> running = TestAgent.start(
                        SlowAgent::new,
                        broker,
                        c -> c.streamingTopics(topic)
                                .topicMessageType(topic, "job")
                                .retries(3, Duration.ofMillis(50), Duration.ofMillis(50))
                                .kafkaConsumerProperty(
                                        "max.poll.interval.ms", Long.toString(MAX_POLL_INTERVAL.toMillis())))) {
            SlowAgent agent = running.agent();
            AgentConfig config = running.config();
            Await.await(
                    Duration.ofSeconds(30),
                    "both partitions assigned",
                    () -> running.assignedPartitions().equals(expectedPartitions));
            String memberBefore = onlyMember(client, config.consumerGroup()).consumerId();

            client.produce(topic, "same-key", "{\"name\":\"slow\",\"slow\":true}");
            for (int i = 0; i < 5; i++) {
                client.produce(topic, "same-key", "{\"name\":\"after-" + i + "\",\"slow\":false}");
                client.produce(topic, "other-key-" + i, "{\"name\":\"other-" + i + "\",\"slow\":false}");
            }

            List<List<String>> assignmentsSeen = new ArrayList<>();
            Await.await(Duration.ofSeconds(40), "every job completed", () -> {
                assignmentsSeen.add(running.assignedPartitions());
                return agent.completed.size() == 11;
            });

            assertThat(agent.attempts.stream().filter(a -> a.name().equals("slow")))
                    .extracting(Attempt::attempt)
                    .containsExactly(1, 2, 3);
            assertThat(agent.completed.stream().filter("slow"::equals)).hasSize(1);
            assertThat(agent.completed)
                    .containsSubsequence("slow", "after-0", "after-1", "after-2", "after-3", "after-4")
                    .doesNotHaveDuplicates();
            assertThat(agent.attempts.stream().filter(a -> !a.name().equals("slow")))
                    .allMatch(a -> a.attempt() == 1)
                    .hasSize(10);
            assertThat(assignmentsSeen).isNotEmpty().allMatch(expectedPartitions::equals);
            assertThat(log.messages("Partitions revoked", topic)).isEmpty();
            assertThat(log.messages("Partitions lost", topic)).isEmpty();
            assertThat(log.messages("Partitions assigned", topic)).hasSize(1);
            MemberDescription memberAfter = onlyMember(client, config.consumerGroup());
            assertThat(memberAfter.consumerId()).as("group member id").isEqualTo(memberBefore);
            Await.await(
                    Duration.ofSeconds(10),
                    "all offsets committed",
                    () -> client.lag(config.consumerGroup(), topic) == 0);
        }
    }

    private static MemberDescription onlyMember(KafkaTestClient client, String group) throws Exception {
        Map<String, ConsumerGroupDescription> groups =
                client.admin().describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
        assertThat(groups.get(group).members()).hasSize(1);
        return groups.get(group).members().iterator().next();
    }
}
