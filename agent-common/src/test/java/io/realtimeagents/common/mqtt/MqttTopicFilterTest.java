package io.realtimeagents.common.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttTopicFilterTest {
    @Test
    void namedSegments_areSubscribedAsPlus_andExposeTheirValues() {
        MqttTopicFilter filter = MqttTopicFilter.parse("devices/{patient}/vitals/{kind}");

        assertThat(filter.brokerFilter()).isEqualTo("devices/+/vitals/+");
        assertThat(filter.variables()).containsExactly("patient", "kind");
        assertThat(filter.match("devices/p1/vitals/bp")).isEqualTo(Map.of("patient", "p1", "kind", "bp"));
        assertThat(filter.match("devices/p1/vitals")).isNull();
        assertThat(filter.match("devices/p1/vitals/bp/extra")).isNull();
        assertThat(filter.match("other/p1/vitals/bp")).isNull();
    }

    @Test
    void hash_matchesTheParentAndAnyNumberOfLevels() {
        MqttTopicFilter filter = MqttTopicFilter.parse("devices/{patient}/#");

        assertThat(filter.match("devices/p2")).isEqualTo(Map.of("patient", "p2"));
        assertThat(filter.match("devices/p2/vitals/bp")).isEqualTo(Map.of("patient", "p2"));
        assertThat(filter.match("sensors/p2")).isNull();
    }

    @Test
    void wildcards_doNotMatchDollarTopics() {
        assertThat(MqttTopicFilter.parse("#").match("$SYS/broker/load")).isNull();
        assertThat(MqttTopicFilter.parse("+/broker/load").match("$SYS/broker/load"))
                .isNull();
        assertThat(MqttTopicFilter.parse("#").match("a/b")).isEmpty();
    }

    @Test
    void invalidFilters_areRejectedWithTheReason() {
        assertThatThrownBy(() -> MqttTopicFilter.parse("a/#/b"))
                .hasMessage("'a/#/b' is not a valid MQTT topic filter: '#' must be the last level");
        assertThatThrownBy(() -> MqttTopicFilter.parse("a/b+"))
                .hasMessageContaining("the wildcards + and # must fill a whole level");
        assertThatThrownBy(() -> MqttTopicFilter.parse("a/{p}/{p}")).hasMessageContaining("{p} appears twice");
        assertThatThrownBy(() -> MqttTopicFilter.parse("a/x{p}")).hasMessageContaining("is not a named segment");
        assertThatThrownBy(() -> MqttTopicFilter.parse("$share/g/a")).hasMessageContaining("MQTT_SHARED_GROUP");
        assertThatThrownBy(() -> MqttTopicFilter.parse("")).hasMessageContaining("it is empty");
    }

    @Test
    void subscriptions_parseFilterTypeAndQos() {
        MqttSubscription full = MqttSubscription.parse("devices/{patient}/vitals/blood_pressure=blood_pressure@2");
        MqttSubscription bare = MqttSubscription.parse("devices/+/status");

        assertThat(full.filter().text()).isEqualTo("devices/{patient}/vitals/blood_pressure");
        assertThat(full.messageType()).isEqualTo("blood_pressure");
        assertThat(full.qos()).isEqualTo(2);
        assertThat(full).hasToString("devices/{patient}/vitals/blood_pressure=blood_pressure@2");
        assertThat(bare.messageType()).isNull();
        assertThat(bare.qos()).isEqualTo(1);
        assertThatThrownBy(() -> MqttSubscription.parse("a/b=t@3")).hasMessageContaining("must be 0, 1 or 2");
        assertThatThrownBy(() -> MqttSubscription.parse("a/b=")).hasMessageContaining("names no message type");
    }

    @Test
    void bridges_parseFilterTopicKeyAndQos() {
        MqttBridge bridge = MqttBridge.parse("devices/{patient}/vitals/#=health.vitals:patient@0");

        assertThat(bridge.filter().brokerFilter()).isEqualTo("devices/+/vitals/#");
        assertThat(bridge.kafkaTopic()).isEqualTo("health.vitals");
        assertThat(bridge.keyVariable()).isEqualTo("patient");
        assertThat(bridge.qos()).isZero();
        assertThat(MqttBridge.parse("a/#=t").keyVariable()).isNull();
        assertThatThrownBy(() -> MqttBridge.parse("devices/+/vitals=t:patient"))
                .hasMessageContaining("takes its key from segment 'patient', but the filter has no named segment");
        assertThatThrownBy(() -> MqttBridge.parse("a/#=bad topic")).hasMessageContaining("not a valid Kafka topic");
        assertThatThrownBy(() -> MqttBridge.parse("a/#")).hasMessageContaining("is not a bridge: expected");
    }
}
