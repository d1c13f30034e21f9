package io.realtimeagents.agent;

import static io.realtimeagents.agent.support.Commits.committed;
import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.PrometheusText;
import io.realtimeagents.agent.support.ReadingAgent;
import io.realtimeagents.agent.support.ReadingAgent.Reading;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.HandlerFailureStrategy;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code HANDLER_FAILURE_STRATEGY} decides what becomes of a record whose retries are exhausted: {@code ignore}
 * commits it without a dead letter; {@code fail-stop} stops consuming without committing it, the probes say so, and
 * the next agent of the group gets it again. ({@code dead-letter}, the default, is covered by RetryAndDeadLetterIT.)
 */
@WithKafka
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class FailureStrategyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String POISON = "{\"patient_id\":\"p2\",\"value\":-1}";

    @Test
    void ignore_commitsTheFailedRecordWithoutDeadLetter_andCountsIt(KafkaBroker broker, KafkaTestClient client)
            throws Exception {
        String topic = client.uniqueTopic("ignored", 1);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        AgentConfig config = config(broker, "ignore", topic, HandlerFailureStrategy.IGNORE);
        ReadingAgent agent = ReadingAgent.failingNegative();
        try (RunningAgent running = TestAgents.start(agent, config)) {
            produceAroundPoison(client, topic);

            Await.await(TIMEOUT, "all three offsets committed", () -> committed(client, config, topic) == 3);
            assertThat(agent.handled).containsExactly(new Reading("p1", 1), new Reading("p3", 3));
            assertThat(client.endOffset(deadLetters)).isZero();
            String metrics = HttpTestClient.of(running.url()).get("/metrics").body();
            assertThat(PrometheusText.value(
                            metrics,
                            "realtime_records_failure_ignored_total",
                            Map.of("topic", topic, "message_type", "reading", "reason", "handler")))
                    .hasValue(1.0);
            assertThat(PrometheusText.has(metrics, "realtime_records_dead_lettered_total", Map.of("topic", topic)))
                    .isFalse();
            assertThat(HttpTestClient.of(running.url()).get("/health/ready").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void failStop_stopsUncommitted_reportsNotReady_andTheNextAgentGetsTheRecordAgain(
            KafkaBroker broker, KafkaTestClient client) throws Exception {
        String topic = client.uniqueTopic("fail-stop", 1);
        String deadLetters = topic + ".dlq";
        broker.createTopic(deadLetters, 1);
        AgentConfig config = config(broker, "fail-stop", topic, HandlerFailureStrategy.FAIL_STOP);
        ReadingAgent first = ReadingAgent.failingNegative();
        try (RunningAgent running = TestAgents.start(first, config)) {
            produceAroundPoison(client, topic);

            Await.await(
                    TIMEOUT,
                    "readiness reports the fail-stop",
                    () -> HttpTestClient.of(running.url())
                            .get("/health/ready")
                            .body()
                            .contains("HANDLER_FAILURE_STRATEGY=fail-stop"));
            HttpTestClient.Response ready = HttpTestClient.of(running.url()).get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("record " + topic + "-0@1");
            assertThat(HttpTestClient.of(running.url()).get("/health/live").status())
                    .isEqualTo(503);
            Await.await(TIMEOUT, "the record before the poison committed", () -> committed(client, config, topic) == 1);
            assertThat(first.handled).containsExactly(new Reading("p1", 1));
            assertThat(client.endOffset(deadLetters)).isZero();
        }
        assertThat(committed(client, config, topic)).isEqualTo(1);

        ReadingAgent next = ReadingAgent.acceptingAll();
        try (RunningAgent running = TestAgents.start(next, config)) {
            Await.await(
                    TIMEOUT,
                    "the poison and the record after it committed",
                    () -> committed(client, config, topic) == 3);
            assertThat(next.handled).containsExactly(new Reading("p2", -1), new Reading("p3", 3));
        }
    }

    private static AgentConfig config(
            KafkaBroker broker, String service, String topic, HandlerFailureStrategy strategy) {
        return TestAgents.config(broker, service)
                .streamingTopics(topic)
                .topicMessageType(topic, "reading")
                .set(AgentSettings.HANDLER_FAILURE_STRATEGY, strategy)
                .build();
    }

    private static void produceAroundPoison(KafkaTestClient client, String topic) {
        client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":1}");
        client.produce(topic, "p2", POISON);
        client.produce(topic, "p3", "{\"patient_id\":\"p3\",\"value\":3}");
    }
}
