package io.realtimeagents.agent.internal.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentConfig;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaPropertiesTest {
    private final AgentConfig config = AgentConfig.builder()
            .serviceName("ward-agent")
            .kafkaBootstrapServers("kafka-0:9092")
            .kafkaProducerProperty("linger.ms", "20")
            .kafkaProducerProperty("security.protocol", "SASL_SSL")
            .build();

    @Test
    void theProducerOfBroadcastsSendsAtOnceWithTheConnectionSettingsOfTheAgentsProducer() {
        Map<String, Object> bulk = KafkaProperties.producer(config);
        Map<String, Object> live = KafkaProperties.liveProducer(config);

        assertThat(bulk).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20");
        assertThat(live)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 0)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-0:9092")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        assertThat((String) live.get(ProducerConfig.CLIENT_ID_CONFIG))
                .as("a client id of its own, so the two producers' metrics do not clash")
                .startsWith("ward-agent-")
                .contains("-live-producer-")
                .isNotEqualTo(bulk.get(ProducerConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void aConfiguredClientIdGetsASuffixForTheProducerOfBroadcasts() {
        AgentConfig named = config.toBuilder()
                .kafkaProducerProperty("client.id", "ward-agent-7")
                .build();

        assertThat(KafkaProperties.producer(named)).containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ward-agent-7");
        assertThat(KafkaProperties.liveProducer(named))
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "ward-agent-7-live");
    }

    @Test
    void adminClientsRetryTheBootstrapAddressesWithoutRebootstrapping_unlessConfigured() {
        assertThat(KafkaProperties.admin(config)).containsEntry("metadata.recovery.strategy", "none");
        AgentConfig rebootstrapping = config.toBuilder()
                .kafkaConsumerProperty("metadata.recovery.strategy", "rebootstrap")
                .build();
        assertThat(KafkaProperties.admin(rebootstrapping)).containsEntry("metadata.recovery.strategy", "rebootstrap");
    }

    @Test
    void theControllerCheckAsksTheBootstrapAddressesAsControllers() {
        Map<String, Object> props = KafkaProperties.controllerAdmin(config.toBuilder()
                .kafkaConsumerProperty("security.protocol", "SASL_SSL")
                .build());

        assertThat(props)
                .containsEntry("bootstrap.controllers", "kafka-0:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .doesNotContainKey("bootstrap.servers");
    }
}
