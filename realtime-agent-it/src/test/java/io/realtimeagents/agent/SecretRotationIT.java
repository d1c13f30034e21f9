package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.realtimeagents.agent.support.LogCapture;
import io.realtimeagents.agent.support.TestAgents;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.HttpTestClient;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.MqttBroker;
import io.realtimeagents.testkit.MqttLogins;
import io.realtimeagents.testkit.MqttTestClient;
import io.realtimeagents.testkit.WithKafka;
import io.realtimeagents.testkit.WithMqtt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotated platform secrets reconnect the agent's clients with the new credentials, without a restart or a loss. */
@WithKafka
@WithMqtt
class SecretRotationIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String PLATFORM = "health-platform";

    record Reading(String patientId, int value) {}

    /** Remembers the values it handled. */
    static final class ReadingAgent extends RealtimeAgent {
        final Set<Integer> handled = ConcurrentHashMap.newKeySet();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> handled.add(reading.value()));
        }
    }

    @TempDir
    Path secrets;

    private void writeSecret(String service, Map<String, String> keys) throws IOException {
        Path folder = Files.createDirectories(secrets.resolve(PLATFORM + "-" + service + "-secret"));
        for (Map.Entry<String, String> key : keys.entrySet()) {
            Path file = folder.resolve(key.getKey());
            Path next = folder.resolve("." + key.getKey() + ".next");
            Files.writeString(next, key.getValue());
            Files.move(
                    next,
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVICE_NAME", TestAgents.uniqueName(service));
        environment.put("REALTIME_PLATFORM", PLATFORM);
        environment.put("PLATFORM_SECRETS_DIR", secrets.toString());
        environment.put("PLATFORM_SECRETS_SOURCES", "files");
        environment.put("PLATFORM_SECRETS_REFRESH", "200ms");
        environment.put("HTTP_PORT", "0");
        environment.put("KAFKA_COMMIT_INTERVAL", "100ms");
        return environment;
    }

    @Test
    void rotatedMqttPassword_reconnectsWithTheNewCredentials_andEveryMessageIsHandled(
            KafkaBroker kafka, MqttBroker mqtt) throws Exception {
        MqttLogins logins;
        try {
            logins = mqtt.logins();
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("needs the test kit's embedded MQTT broker to check logins: " + e.getMessage());
            return;
        }
        String topic = MqttTestClient.uniqueTopic("rotation");
        String clientId = TestAgents.uniqueName("rotating-agent");
        logins.require(Map.of("agent-v1", "password-1", "device", "device-password"));
        try {
            writeSecret("kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
            writeSecret(
                    "mqtt",
                    Map.of(
                            "MQTT_HOST",
                            mqtt.host(),
                            "MQTT_PORT",
                            Integer.toString(mqtt.port()),
                            "MQTT_USER",
                            "agent-v1",
                            "MQTT_PASSWORD",
                            "password-1"));
            Map<String, String> environment = environment("mqtt-rotation");
            environment.put("MQTT_SUBSCRIPTIONS", topic + "=reading@1");
            environment.put("MQTT_CLIENT_ID", clientId);
            ReadingAgent agent = new ReadingAgent();
            try (RunningAgent running = RealtimeAgents.app(() -> agent)
                            .environment(environment)
                            .start();
                    MqttTestClient device = MqttTestClient.connect(mqtt, "device", "device-password")) {
                publish(device, topic, 0, 50);
                Await.await(TIMEOUT, "the first readings", () -> agent.handled.size() >= 50);

                logins.require(Map.of("agent-v2", "password-2", "device", "device-password"));
                writeSecret("mqtt", Map.of("MQTT_USER", "agent-v2", "MQTT_PASSWORD", "password-2"));
                Await.await(
                        TIMEOUT,
                        "the agent to log in again with the rotated credentials",
                        () -> logins.seen().contains(new MqttLogins.Login(clientId, "agent-v2", true)));
                publish(device, topic, 50, 100);

                Await.await(TIMEOUT, "every reading handled", () -> agent.handled.size() == 100);
                assertThat(agent.handled)
                        .containsAll(IntStream.range(0, 100).boxed().toList());
                Await.await(
                        TIMEOUT,
                        "ready again",
                        () -> HttpTestClient.of(running.url())
                                        .get("/health/ready")
                                        .status()
                                == 200);
                assertThat(logins.seen())
                        .filteredOn(login -> login.clientId().equals(clientId))
                        .noneMatch(login -> !login.accepted());
            }
        } finally {
            logins.allowAnyone();
        }
    }

    private static void publish(MqttTestClient device, String topic, int from, int to) {
        device.publishAll(
                topic,
                IntStream.range(from, to)
                        .mapToObj(i -> "{\"patient_id\":\"p1\",\"value\":" + i + "}")
                        .toList(),
                1);
    }

    @Test
    void changedKafkaSettings_reconnectProducerAndConsumer_withoutLosingRecords(
            KafkaBroker kafka, KafkaTestClient client) throws Exception {
        String topic = client.uniqueTopic("kafka-rotation", 2);
        writeSecret("kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers()));
        Map<String, String> environment = environment("kafka-rotation");
        environment.put("STREAMING_TOPICS", topic);
        environment.put("KAFKA_TOPIC_MESSAGE_TYPES", topic + "=reading");
        ReadingAgent agent = new ReadingAgent();
        try (LogCapture log = LogCapture.of(io.realtimeagents.agent.internal.kafka.KafkaRuntime.class);
                RunningAgent running =
                        RealtimeAgents.app(() -> agent).environment(environment).start()) {
            produce(client, topic, 0, 100);
            Await.await(TIMEOUT, "the first records", () -> agent.handled.size() >= 100);

            String rotated = kafka.bootstrapServers().replace("127.0.0.1", "localhost");
            writeSecret("kafka", Map.of("KAFKA_BOOTSTRAP_SERVERS", rotated));
            Await.await(
                    TIMEOUT,
                    "the agent to reconnect",
                    () -> !log.messages("Kafka connection settings changed", "reconnecting")
                            .isEmpty());
            produce(client, topic, 100, 200);
            SentRecord sent = running.agent()
                    .sendKafkaMessage(topic, "p9", Map.of("patient_id", "p9", "value", 200))
                    .toCompletableFuture()
                    .get();

            assertThat(sent.topic()).isEqualTo(topic);
            Await.await(TIMEOUT, "every record handled", () -> agent.handled.size() == 201);
            assertThat(HttpTestClient.of(running.url())
                            .get("/realtime/status")
                            .json()
                            .path("kafka")
                            .path("bootstrap_servers")
                            .asText())
                    .isEqualTo(rotated);
        }
    }

    private static void produce(KafkaTestClient client, String topic, int from, int to) {
        List<String> keys = List.of("p1", "p2", "p3");
        for (int i = from; i < to; i++) {
            client.produce(topic, keys.get(i % 3), "{\"patient_id\":\"p\",\"value\":" + i + "}");
        }
    }
}
