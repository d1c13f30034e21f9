package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttConfigTest {
    private static AgentConfig load(Map<String, String> env) {
        return ConfigLoader.standard()
                .withEnvironment(env)
                .withSystemProperties(Map.of())
                .withoutClassPathFile()
                .withFallback(AgentSettings.SERVICE_NAME, "vitals-agent")
                .load();
    }

    @Test
    void mqtt_isDisabledByDefault_andEnabledByAHost() {
        assertThat(load(Map.of()).mqttEnabled()).isFalse();
        AgentConfig config = load(Map.of("MQTT_HOST", "broker", "MQTT_CLIENT_ID", "vitals-1"));
        assertThat(config.mqttEnabled()).isTrue();
        assertThat(config.mqttClientId()).isEqualTo("vitals-1");
        assertThat(config.mqttSharedGroup()).isEqualTo("vitals-agent");
        assertThat(config.get(AgentSettings.MQTT_SESSION_EXPIRY)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void subscriptionsAndBridges_areParsedFromTheEnvironment() {
        AgentConfig config = load(Map.of(
                "MQTT_HOST", "broker",
                "MQTT_SUBSCRIPTIONS", "devices/{patient}/vitals/blood_pressure=blood_pressure@1, devices/+/status",
                "MQTT_BRIDGES", "devices/{patient}/vitals/#=health.vitals:patient",
                "MQTT_SHARED_GROUP", "none"));

        assertThat(config.mqttSubscriptions()).hasSize(2);
        assertThat(config.mqttSubscriptions().get(0).messageType()).isEqualTo("blood_pressure");
        assertThat(config.mqttBridges().get(0).keyVariable()).isEqualTo("patient");
        assertThat(config.mqttSharedGroup()).isNull();
        assertThat(config.mqttClientId()).startsWith("vitals-agent-");
    }

    @Test
    void badMqttSettings_failNamingTheSetting() {
        assertThatThrownBy(() -> load(Map.of(
                        "MQTT_SUBSCRIPTIONS", "devices/#/x=t",
                        "MQTT_RECONNECT_BACKOFF", "500ms",
                        "MQTT_TLS_CA_FILE", "/no/such/ca.pem")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Invalid value devices/#/x=t for configuration MQTT_SUBSCRIPTIONS")
                .hasMessageContaining("'#' must be the last level")
                .hasMessageContaining("configuration MQTT_RECONNECT_BACKOFF")
                .hasMessageContaining("configuration MQTT_TLS_CA_FILE");
        assertThatThrownBy(() -> load(Map.of("MQTT_BRIDGES", "a/{p}=t:p")))
                .hasMessageContaining("Missing configuration MQTT_HOST");
        assertThatThrownBy(() -> load(
                        Map.of("MQTT_SESSION_RECORD_TOPIC", "sessions/+/{client_id}", "MQTT_MAX_UNACKED_AGE", "0s")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(
                        "Invalid value sessions/+/{client_id} for configuration MQTT_SESSION_RECORD_TOPIC")
                .hasMessageContaining("without wildcards")
                .hasMessageContaining("configuration MQTT_MAX_UNACKED_AGE");
    }

    @Test
    void unackedAgeAndSessionRecord_haveDefaults_andTheRecordCanBeTurnedOff() {
        AgentConfig config = load(Map.of("MQTT_HOST", "broker"));
        assertThat(config.get(AgentSettings.MQTT_MAX_UNACKED_AGE)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(AgentSettings.MQTT_SESSION_RECORD_TOPIC))
                .isEqualTo("realtime-agents/sessions/{client_id}");
        assertThat(load(Map.of("MQTT_HOST", "broker", "MQTT_SESSION_RECORD_TOPIC", "none"))
                        .get(AgentSettings.MQTT_SESSION_RECORD_TOPIC))
                .isEqualTo("none");
    }
}
