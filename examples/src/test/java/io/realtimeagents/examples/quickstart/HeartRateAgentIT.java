package io.realtimeagents.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The README's first agent and its test example, run as written. */
@WithKafka
class HeartRateAgentIT {
    @Test
    void fastHeartRatesRaiseAlerts(KafkaBroker broker, KafkaTestClient client) {
        String topic = client.uniqueTopic("vitals", 4);
        AgentConfig config = AgentConfig.builder()
                .serviceName("heart-rate-test")
                .kafkaBootstrapServers(broker.bootstrapServers())
                .streamingTopics(topic)
                .topicMessageType(topic, "heart_rate")
                .httpPort(0)
                .build();
        try (RunningAgent agent =
                RealtimeAgents.app(HeartRateAgent::new).config(config).start()) {
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"bpm\":130}");
            List<ConsumerRecord<String, String>> alerts =
                    client.awaitRecords("health_alerts", r -> "p1".equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(alerts.get(0).value())
                    .contains("\"event_type\":\"alert_triggered\"")
                    .contains("\"source_service\":\"heart-rate-test\"")
                    .contains("\"bpm\":130");
        }
    }

    @Test
    void serviceNameDefaultsToTheClassNameInKebabCase() {
        assertThat(RealtimeAgents.defaultServiceName(HeartRateAgent.class)).isEqualTo("heart-rate-agent");
    }
}
