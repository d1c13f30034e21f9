package io.realtimeagents.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.testkit.internal.BrokerChoice.Mode;
import org.junit.jupiter.api.Test;

class BrokerChoiceTest {

    @Test
    void parse_unsetOrEmptyOrAuto_choosesAutomatically() {
        assertThat(BrokerChoice.parse(null).mode()).isEqualTo(Mode.AUTO);
        assertThat(BrokerChoice.parse(" ").mode()).isEqualTo(Mode.AUTO);
        assertThat(BrokerChoice.parse("AUTO").mode()).isEqualTo(Mode.AUTO);
    }

    @Test
    void parse_keywords_forceTheKind() {
        assertThat(BrokerChoice.parse("embedded").mode()).isEqualTo(Mode.EMBEDDED);
        assertThat(BrokerChoice.parse("Testcontainers").mode()).isEqualTo(Mode.TESTCONTAINERS);
    }

    @Test
    void parse_external_keepsTheBootstrapServers() {
        assertThat(BrokerChoice.parse("external:kafka-1:9092,kafka-2:9092"))
                .isEqualTo(new BrokerChoice(Mode.EXTERNAL, "kafka-1:9092,kafka-2:9092"));
    }

    @Test
    void parse_externalWithoutAddress_isRejectedWithTheAcceptedValues() {
        assertThatThrownBy(() -> BrokerChoice.parse("external:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Invalid value 'external:' for REALTIME_AGENTS_TEST_KAFKA: use external:<host:port>");
    }

    @Test
    void containerEnvironment_namesFollowTheApacheKafkaImageConvention() {
        assertThat(BrokerSettings.asContainerEnvironment())
                .containsEntry("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .hasSameSizeAs(BrokerSettings.overrides());
    }
}
