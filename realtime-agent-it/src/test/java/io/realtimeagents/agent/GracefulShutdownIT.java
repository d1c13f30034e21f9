package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.handler.KafkaContext;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient.Response;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** {@code close()} lets the handler in progress finish and commits every record handled, and nothing more. */
@WithKafka
class GracefulShutdownIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int BLOCKING_SEQ = 150;

    record Numbered(int seq) {}

    static final class CountingAgent extends RealtimeAgent {
        final Map<Integer, AtomicLong> handledPerPartition = new ConcurrentHashMap<>();
        final List<Long> blockingOffsets = new CopyOnWriteArrayList<>();
        final CountDownLatch inProgress = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        protected void initialize() {
            onMessage("numbered", Numbered.class, (numbered, context) -> {
                if (numbered.seq() == BLOCKING_SEQ) {
                    blockingOffsets.add(((KafkaContext) context).offset());
                    inProgress.countDown();
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the handler");
                    }
                }
                handledPerPartition
                        .computeIfAbsent(((KafkaContext) context).partition(), partition -> new AtomicLong())
                        .incrementAndGet();
            });
        }

        long handled() {
            return handledPerPartition.values().stream()
                    .mapToLong(AtomicLong::get)
                    .sum();
        }
    }

    @Test
    void close_finishesTheHandlerInProgress_andCommitsExactlyTheRecordsHandled(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String topic = client.uniqueTopic("shutdown", 2);
        TestAgent<CountingAgent> running = TestAgent.start(
                CountingAgent::new, broker, c -> c.streamingTopics(topic).topicMessageType(topic, "numbered"));
        CountingAgent agent = running.agent();
        AgentConfig config = running.config();
        CompletableFuture<Void> closing;
        try {
            for (int seq = 0; seq < 400; seq++) {
                client.produce(topic, "key-" + (seq % 7), "{\"seq\":" + seq + "}");
            }
            assertThat(agent.inProgress.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();

            closing = CompletableFuture.runAsync(running::close);
            Await.await(TIMEOUT, "the agent shutting down", () -> shuttingDown(running));
            assertThat(closing).isNotDone();
            agent.release.countDown();
            closing.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            agent.release.countDown();
            running.close();
        }

        int blockedPartition = TypedHandlersIT.partitionOf("key-" + (BLOCKING_SEQ % 7), 2);
        Map<TopicPartition, Long> committed = client.committedOffsets(config.consumerGroup(), topic);
        assertThat(agent.blockingOffsets).hasSize(1);
        assertThat(committed.get(new TopicPartition(topic, blockedPartition)))
                .as("committed offset of the partition whose handler was in progress")
                .isEqualTo(agent.blockingOffsets.get(0) + 1)
                .isEqualTo(agent.handledPerPartition.get(blockedPartition).get());
        for (int partition = 0; partition < 2; partition++) {
            assertThat(committed.getOrDefault(new TopicPartition(topic, partition), 0L))
                    .as("committed offset of partition %d", partition)
                    .isEqualTo(agent.handledPerPartition
                            .getOrDefault(partition, new AtomicLong())
                            .get());
        }
        assertThat(agent.handled()).isLessThan(400);
    }

    private static boolean shuttingDown(TestAgent<?> running) {
        Response ready = running.http().get("/health/ready");
        return ready.status() == 503 && ready.body().contains("shutting down");
    }
}
