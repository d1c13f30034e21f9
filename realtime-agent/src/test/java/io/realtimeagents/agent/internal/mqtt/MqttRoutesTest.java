package io.realtimeagents.agent.internal.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttRoutesTest {
    private final MqttRoutes routes = new MqttRoutes(
            List.of(MqttBridge.parse("devices/{patient}/vitals/#=health.vitals:patient")),
            List.of(
                    MqttSubscription.parse("devices/{patient}/status=status@0"),
                    MqttSubscription.parse("devices/+/vitals/blood_pressure=blood_pressure@2")));

    @Test
    void bridgesComeFirst_thenSubscriptionsInOrder() {
        MqttRoutes.Match bridged = routes.match("devices/p1/vitals/blood_pressure");
        MqttRoutes.Match handled = routes.match("devices/p1/status");

        assertThat(bridged.bridge()).isNotNull();
        assertThat(bridged.laneKey("devices/p1/vitals/blood_pressure")).isEqualTo("p1");
        assertThat(handled.subscription().messageType()).isEqualTo("status");
        assertThat(handled.variables()).isEqualTo(Map.of("patient", "p1"));
        assertThat(handled.laneKey("devices/p1/status")).isEqualTo("devices/p1/status");
        assertThat(routes.match("other/p1")).isNull();
        assertThat(routes.typeOf("devices/p9/vitals/blood_pressure")).isEqualTo("blood_pressure");
    }

    @Test
    void brokerFilters_areSharedWhenAGroupIsGiven_withTheHighestQosPerFilter_butAtMostQos1() {
        MqttRoutes sameFilter = new MqttRoutes(
                List.of(), List.of(MqttSubscription.parse("a/{x}=t@0"), MqttSubscription.parse("a/+=u@2")));

        assertThat(routes.brokerFilters("vitals"))
                .containsExactly(
                        Map.entry("$share/vitals/devices/+/vitals/#", 1),
                        Map.entry("$share/vitals/devices/+/status", 0),
                        Map.entry("$share/vitals/devices/+/vitals/blood_pressure", 1));
        assertThat(sameFilter.brokerFilters(null)).containsExactly(Map.entry("a/+", 1));
        assertThat(routes.cappedFilters()).containsExactly("devices/+/vitals/blood_pressure");
        assertThat(sameFilter.cappedFilters()).containsExactly("a/+");
    }

    @Test
    void matchesAreRemembered_andStayRightPastTheCacheLimit() {
        MqttRoutes.Match first = routes.match("devices/p1/status");

        assertThat(routes.match("devices/p1/status")).isSameAs(first);
        for (int i = 0; i < 12_000; i++) {
            MqttRoutes.Match match = routes.match("devices/p" + i + "/status");
            assertThat(match.variables()).isEqualTo(Map.of("patient", "p" + i));
            assertThat(routes.match("other/" + i)).isNull();
        }
        assertThat(routes.match("devices/p1/status").variables()).isEqualTo(Map.of("patient", "p1"));
        assertThat(routes.typeOf("devices/p2/status")).isEqualTo("status");
    }
}
