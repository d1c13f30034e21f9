package io.realtimeagents.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MqttBrokerChoiceTest {
    @Test
    void unsetOrEmbedded_meansTheEmbeddedBroker() {
        assertThat(MqttBrokerChoice.parse(null).host()).isNull();
        assertThat(MqttBrokerChoice.parse(" embedded ").host()).isNull();
    }

    @Test
    void external_namesHostAndPort() {
        assertThat(MqttBrokerChoice.parse("external:127.0.0.1:1883"))
                .isEqualTo(new MqttBrokerChoice("127.0.0.1", 1883));
    }

    @Test
    void anythingElse_isRejectedWithTheAcceptedValues() {
        assertThatThrownBy(() -> MqttBrokerChoice.parse("external:nohost"))
                .hasMessageContaining("Invalid value 'external:nohost' for REALTIME_AGENTS_TEST_MQTT")
                .hasMessageContaining("external:<host>:<port>");
    }
}
