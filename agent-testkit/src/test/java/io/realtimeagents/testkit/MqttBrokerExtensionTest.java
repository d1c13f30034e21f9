package io.realtimeagents.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extension gives a test the shared embedded broker and a connected client; messages round-trip through it. */
@WithMqtt
class MqttBrokerExtensionTest {
    @Test
    void sharedBrokerAndClient_roundTripQos1MessagesWithUserProperties(MqttBroker broker, MqttTestClient client) {
        String topic = MqttTestClient.uniqueTopic("roundtrip");
        client.subscribe(topic + "/#", 1);

        client.publish(
                topic + "/a", "{\"n\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1, Map.of("k", "v"));
        client.publishAll(topic + "/b", List.of("x", "y", "z"), 1);

        List<MqttTestClient.Received> received = client.awaitMessages(m -> true, 4, Duration.ofSeconds(20));
        assertThat(received.get(0).userProperties()).containsEntry("k", "v");
        assertThat(received).extracting(MqttTestClient.Received::payload).containsExactly("{\"n\":1}", "x", "y", "z");
        assertThat(broker).isSameAs(MqttBrokers.shared());
        assertThat(broker.port()).isNotEqualTo(1883);
    }
}
