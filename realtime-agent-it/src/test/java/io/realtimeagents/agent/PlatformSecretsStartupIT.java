package io.realtimeagents.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.Await;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.KafkaTestClient;
import io.realtimeagents.testkit.WithKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An agent started with REALTIME_PLATFORM takes its connection settings from the platform's secrets. */
@WithKafka
class PlatformSecretsStartupIT {
    record Reading(String patientId, int value) {}

    static final class ReadingAgent extends RealtimeAgent {
        final List<Reading> seen = new CopyOnWriteArrayList<>();

        @Override
        protected void initialize() {
            onMessage("reading", Reading.class, (reading, context) -> seen.add(reading));
        }
    }

    @TempDir
    Path secrets;

    private Map<String, String> environment(String topic) {
        return Map.of(
                "SERVICE_NAME", "secrets-startup",
                "REALTIME_PLATFORM", "health-platform",
                "PLATFORM_SECRETS_DIR", secrets.toString(),
                "PLATFORM_SECRETS_SOURCES", "files",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
                "STREAMING_TOPICS", topic,
                "KAFKA_TOPIC_MESSAGE_TYPES", topic + "=reading",
                "HTTP_PORT", "0");
    }

    @Test
    void kafkaSettingsFromTheMountedSecret_overrideTheEnvironment(KafkaBroker broker, KafkaTestClient client)
            throws IOException {
        Path kafka = Files.createDirectories(secrets.resolve("health-platform-kafka-secret"));
        Files.writeString(kafka.resolve("KAFKA_BOOTSTRAP_SERVERS"), broker.bootstrapServers());
        String topic = client.uniqueTopic("secrets", 1);
        ReadingAgent agent = new ReadingAgent();

        try (RunningAgent running =
                RealtimeAgents.app(() -> agent).environment(environment(topic)).start()) {
            assertThat(running.config().kafkaBootstrapServers()).isEqualTo(broker.bootstrapServers());
            assertThat(running.config().origin(AgentSettings.KAFKA_BOOTSTRAP_SERVERS))
                    .contains("health-platform-kafka-secret")
                    .contains("KAFKA_BOOTSTRAP_SERVERS");
            client.produce(topic, "p1", "{\"patient_id\":\"p1\",\"value\":7}");
            Await.await(Duration.ofSeconds(20), "the reading is handled", () -> !agent.seen.isEmpty());
            assertThat(agent.seen).containsExactly(new Reading("p1", 7));
        }
    }

    @Test
    void aMissingRequiredKafkaSecret_failsStartUpNamingTheSecretAndWhereItWasLookedFor() {
        assertThatThrownBy(() -> RealtimeAgents.app(ReadingAgent::new)
                        .environment(environment("unused"))
                        .start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("health-platform-kafka-secret")
                .hasMessageContaining(secrets.toString());
    }

    @Test
    void whereSecretsAreLookedFor_mayBeGivenAsArguments_likeEverySetting(KafkaBroker broker, KafkaTestClient client)
            throws IOException {
        Path kafka = Files.createDirectories(secrets.resolve("health-platform-kafka-secret"));
        Files.writeString(kafka.resolve("KAFKA_BOOTSTRAP_SERVERS"), broker.bootstrapServers());
        String topic = client.uniqueTopic("secrets-args", 1);
        Map<String, String> environment = new java.util.HashMap<>(environment(topic));
        environment.remove("PLATFORM_SECRETS_DIR");
        environment.put("PLATFORM_SECRETS_SOURCES", "env");

        try (RunningAgent running = RealtimeAgents.app(ReadingAgent::new)
                .environment(environment)
                .args("--platform.secrets-dir=" + secrets, "--platform.secrets-sources=files")
                .start()) {
            assertThat(running.config().kafkaBootstrapServers()).isEqualTo(broker.bootstrapServers());
        }
        assertThatThrownBy(() -> RealtimeAgents.app(ReadingAgent::new)
                        .environment(environment)
                        .args("--platform.secrets-sources=files,vault")
                        .start())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("PLATFORM_SECRETS_SOURCES")
                .hasMessageContaining("'vault' is not a secret source");
    }
}
