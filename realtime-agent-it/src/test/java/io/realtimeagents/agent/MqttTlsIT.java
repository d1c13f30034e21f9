package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.MqttTls;
import io.realtimeagents.testkit.TestAgent;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** MQTT over TLS against a real TLS listener, trusting the broker's certificate authority from a PEM file. */
@WithKafka
@WithMqtt
class MqttTlsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    record Reading(String patientId, int value) {}

    @Test
    void agentConnectsOverTls_trustingTheCaFile_andHandlesMessages(KafkaBroker kafka, MqttBroker mqtt) {
        MqttTls tls = tlsOf(mqtt);
        String topic = MqttTestClient.uniqueTopic("tls");
        List<Reading> handled = new CopyOnWriteArrayList<>();
        RealtimeAgent agent = new RealtimeAgent() {
            @Override
            protected void initialize() {
                onMessage("reading", Reading.class, (reading, context) -> handled.add(reading));
            }
        };
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                        () -> agent,
                        kafka,
                        c -> c.mqttBroker("localhost", tls.port())
                                .set(AgentSettings.MQTT_TLS, true)
                                .set(
                                        AgentSettings.MQTT_TLS_CA_FILE,
                                        tls.caFile().toString())
                                .mqttSubscription(topic + "=reading@1")
                                .set(AgentSettings.MQTT_CLIENT_ID, TestAgent.uniqueName("tls-agent")));
                MqttTestClient device = MqttTestClient.connect(mqtt)) {
            device.publish(topic, "{\"patient_id\":\"p1\",\"value\":7}", 1);

            Await.await(TIMEOUT, "the reading handled over TLS", () -> handled.size() == 1);
            assertThat(handled.getFirst()).isEqualTo(new Reading("p1", 7));
            assertThat(running.http()
                            .get("/health")
                            .json()
                            .path("mqtt")
                            .path("broker")
                            .asText())
                    .startsWith("ssl://");
        }
    }

    @Test
    void withoutTheCaFile_theBrokerIsNotTrusted_andReadinessSaysWhy(KafkaBroker kafka, MqttBroker mqtt) {
        MqttTls tls = tlsOf(mqtt);
        try (TestAgent<RealtimeAgent> running = TestAgent.start(
                () -> new RealtimeAgent() {},
                kafka,
                c -> c.mqttBroker("localhost", tls.port())
                        .set(AgentSettings.MQTT_TLS, true)
                        .mqttSubscription(MqttTestClient.uniqueTopic("untrusted") + "=reading@1")
                        .set(AgentSettings.MQTT_CLIENT_ID, TestAgent.uniqueName("untrusted-agent")))) {
            HttpTestClient.Response ready = running.http().get("/health/ready");

            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.body()).contains("not connected to the MQTT broker ssl://localhost:" + tls.port());
            assertThat(ready.body()).containsIgnoringCase("certification path");
        }
    }

    private static MqttTls tlsOf(MqttBroker mqtt) {
        var tls = mqtt.tls();
        Assumptions.assumeTrue(
                tls.isPresent(), "needs the test kit's embedded MQTT broker with its TLS listener, not " + mqtt.kind());
        return tls.get();
    }
}
