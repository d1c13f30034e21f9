package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.FlakyAssignor;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A consumer loop that stops on an error is restarted with backoff; readiness says why meanwhile, liveness holds. */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class ConsumerRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void consumerLoopFailing_isRestartedWithBackoff_andHandlesTheRecordsAfterwards(
            KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("restarted", 2);
        List<String> handled = new CopyOnWriteArrayList<>();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("note", String.class, (note, context) -> handled.add(note));
            }
        };
        FlakyAssignor.failNext.set(2);
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> agent,
                broker,
                c -> c.streamingTopics(topic)
                        .topicMessageType(topic, "note")
                        .kafkaConsumerProperty("partition.assignment.strategy", FlakyAssignor.class.getName()))) {
            client.produce(topic, "a", "first");
            Await.await(
                    TIMEOUT,
                    "readiness naming the restart",
                    () -> running.http().get("/health/ready").body().contains("the Kafka consumer stopped on"));
            assertThat(running.http().get("/health/live").status()).isEqualTo(200);

            Await.await(TIMEOUT, "the record handled after the restarts", () -> handled.contains("first"));
            client.produce(topic, "b", "second");
            Await.await(TIMEOUT, "a later record handled", () -> handled.contains("second"));
            Await.await(
                    TIMEOUT,
                    "ready again",
                    () -> running.http().get("/health/ready").status() == 200);
            assertThat(FlakyAssignor.failNext.get()).isZero();
        } finally {
            FlakyAssignor.failNext.set(0);
        }
    }
}
