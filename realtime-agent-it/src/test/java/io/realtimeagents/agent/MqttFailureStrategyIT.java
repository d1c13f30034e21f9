package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.MqttTestAgents;
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
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttBrokers;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code HANDLER_FAILURE_STRATEGY} on the MQTT path: {@code ignore} acknowledges a failed message without a dead
 * letter; {@code fail-stop} leaves it unacknowledged and stops the intake, readiness says so, and the next agent of the
 * session gets it again.
 */
@WithKafka
@WithMqtt
@SuppressWarnings("try") // agents run for the duration of try blocks that need no reference to them
class MqttFailureStrategyIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void ignore_acknowledgesTheFailedMessageWithoutDeadLetter(KafkaBroker kafka, KafkaTestClient client)
            throws Exception {
        String topic = MqttTestClient.uniqueTopic("ignored") + "/readings";
        String deadLetters = client.uniqueTopic("mqtt-dlq", 1);
        AgentConfig config = config(kafka, "mqtt-ignore", topic, deadLetters, HandlerFailureStrategy.IGNORE)
                .build();
        ReadingAgent agent = ReadingAgent.failingNegative();
        try (RunningAgent running = TestAgents.start(agent, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publish(topic, "{\"patient_id\":\"p2\",\"value\":-1}", 1);
            devices.publish(topic, "{\"patient_id\":\"p3\",\"value\":3}", 1);

            Await.await(TIMEOUT, "the message after the failed one handled", () -> !agent.handled.isEmpty());
            assertThat(agent.handled).containsExactly(new Reading("p3", 3));
            assertThat(client.endOffset(deadLetters)).isZero();
            String metrics = HttpTestClient.of(running.url()).get("/metrics").body();
            assertThat(PrometheusText.value(
                            metrics,
                            "realtime_records_failure_ignored_total",
                            Map.of("transport", "mqtt", "message_type", "reading", "reason", "handler")))
                    .hasValue(1.0);
            assertThat(HttpTestClient.of(running.url()).get("/health/ready").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void failStop_leavesTheMessageUnacknowledged_reportsNotReady_andTheNextAgentGetsItAgain(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String topic = MqttTestClient.uniqueTopic("fail-stop") + "/readings";
        String deadLetters = client.uniqueTopic("mqtt-dlq", 1);
        AgentConfig config = config(kafka, "mqtt-fail-stop", topic, deadLetters, HandlerFailureStrategy.FAIL_STOP)
                .set(AgentSettings.MQTT_MAX_UNACKED_AGE, Duration.ofSeconds(1))
                .build();
        ReadingAgent first = ReadingAgent.failingNegative();
        try (RunningAgent running = TestAgents.start(first, config);
                MqttTestClient devices = MqttTestClient.connect(mqtt())) {
            devices.publish(topic, "{\"patient_id\":\"p2\",\"value\":-1}", 1);
            devices.publish(topic, "{\"patient_id\":\"p3\",\"value\":3}", 1);

            Await.await(
                    TIMEOUT,
                    "liveness reports the fail-stop at once, though the agent consumes no Kafka topic",
                    () -> HttpTestClient.of(running.url()).get("/health/live").status() == 503);
            assertThat(HttpTestClient.of(running.url()).get("/health/live").body())
                    .contains("HANDLER_FAILURE_STRATEGY=fail-stop");
            Await.await(
                    TIMEOUT,
                    "readiness reports the unacknowledged message",
                    () -> HttpTestClient.of(running.url())
                            .get("/health/ready")
                            .body()
                            .contains("has not acknowledged"));
            assertThat(HttpTestClient.of(running.url()).get("/health/ready").status())
                    .isEqualTo(503);
            assertThat(first.handled).isEmpty();
            assertThat(client.endOffset(deadLetters)).isZero();
        }

        ReadingAgent next = ReadingAgent.acceptingAll();
        try (RunningAgent running = TestAgents.start(next, config)) {
            Await.await(TIMEOUT, "both messages handled again", () -> next.handled.size() == 2);
            assertThat(next.handled).containsExactly(new Reading("p2", -1), new Reading("p3", 3));
        }
    }

    private static MqttBroker mqtt() {
        return MqttBrokers.shared();
    }

    private static AgentConfig.Builder config(
            KafkaBroker kafka, String service, String topic, String deadLetters, HandlerFailureStrategy strategy) {
        return MqttTestAgents.config(kafka, mqtt(), service, deadLetters)
                .set(AgentSettings.MQTT_SHARED_GROUP, "none")
                .mqttSubscription(topic + "=reading@1")
                .set(AgentSettings.HANDLER_FAILURE_STRATEGY, strategy);
    }
}
