package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import org.junit.jupiter.api.Test;

/** MQTT configuration problems stop start-up, naming the setting, before any broker is contacted. */
class MqttConfigValidationTest {
    static final class SubscribingAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            subscribeMqtt("devices/{patient}/vitals/blood_pressure", "blood_pressure", 1);
        }
    }

    @Test
    void subscribeMqttWithoutABroker_failsStartUpNamingMqttHost() {
        AgentConfig config = AgentConfig.builder()
                .serviceName("mqtt-config-test")
                .httpPort(0)
                .set(AgentSettings.REALTIME_ENABLED, false)
                .build();

        assertThatThrownBy(() ->
                        RealtimeAgents.app(SubscribingAgent::new).config(config).start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Missing configuration MQTT_HOST (property mqtt.host)")
                .hasMessageContaining("devices/{patient}/vitals/blood_pressure");
    }

    @Test
    void mqttRoutesWithoutKafka_failStartUpSayingWhy() {
        AgentConfig config = AgentConfig.builder()
                .serviceName("mqtt-config-test")
                .httpPort(0)
                .set(AgentSettings.REALTIME_ENABLED, false)
                .mqttBroker("127.0.0.1", 1)
                .build();

        assertThatThrownBy(() ->
                        RealtimeAgents.app(SubscribingAgent::new).config(config).start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("need Kafka for bridged records and dead letters, but REALTIME_ENABLED is false");
    }

    @Test
    void anInvalidFilterInCode_failsStartUpWithTheReason() {
        AgentConfig config = AgentConfig.builder()
                .serviceName("mqtt-config-test")
                .httpPort(0)
                .set(AgentSettings.REALTIME_ENABLED, false)
                .build();

        assertThatThrownBy(() -> RealtimeAgents.app(() -> new RealtimeAgent() {
                            @Override
                            protected void initialize() {
                                subscribeMqtt("devices/#/vitals", "vitals", 1);
                            }
                        })
                        .config(config)
                        .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'devices/#/vitals' is not a valid MQTT topic filter: '#' must be the last level");
    }
}
