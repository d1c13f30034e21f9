package io.realtimeagents.secrets;

import static io.realtimeagents.secrets.NoSecretValuesLogged.assertNoSecretValueIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Secret values override application.yml and environment values, and say where they came from. */
@ExtendWith(NoSecretValuesLogged.class)
class SecretConfigurerTest {
    @TempDir
    Path temp;

    private static PlatformSecrets secrets(ServiceSecret... secrets) {
        return PlatformSecrets.of(SecretFixtures.PLATFORM, SecretFixtures.NAMESPACE, List.of(secrets));
    }

    private static ServiceSecret fromApi(PlatformService service, Map<String, String> values) {
        return ServiceSecret.of(
                service,
                service.secretName(SecretFixtures.PLATFORM),
                SecretSource.KUBERNETES_API,
                SecretFixtures.NAMESPACE,
                values);
    }

    private AgentConfig yamlAndEnvironment() throws IOException {
        Path yaml = temp.resolve("application.yml");
        Files.writeString(yaml, """
                service:
                  name: health-agent
                kafka:
                  bootstrap-servers: yaml-kafka:9092
                  schema-registry-url: http://yaml-registry:8081
                mqtt:
                  host: yaml-mqtt
                db:
                  host: yaml-db
                """);
        return ConfigLoader.standard()
                .withApplicationFile(yaml)
                .withEnvironment(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", "env-kafka:9092",
                        "MQTT_PASSWORD", "env-mqtt-password",
                        "REALTIME_PLATFORM", "health-platform"))
                .withSystemProperties(Map.of())
                .load();
    }

    @Test
    void secretValuesOverrideEnvironmentAndYamlAndRecordTheirOrigin() throws IOException {
        AgentConfig base = yamlAndEnvironment();
        assertThat(base.origin(AgentSettings.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo("environment variable KAFKA_BOOTSTRAP_SERVERS");

        AgentConfig config = SecretConfigurer.apply(
                base,
                secrets(
                        fromApi(PlatformService.KAFKA, SecretFixtures.kafka()),
                        fromApi(PlatformService.MQTT, SecretFixtures.mqtt())));

        assertThat(config.kafkaBootstrapServers()).isEqualTo(SecretFixtures.KAFKA_SERVERS);
        assertThat(config.origin(AgentSettings.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo("secret health-platform-kafka-secret key KAFKA_BOOTSTRAP_SERVERS");
        assertThat(config.get(AgentSettings.KAFKA_SCHEMA_REGISTRY_URL)).isEqualTo(SecretFixtures.SCHEMA_REGISTRY);
        assertThat(config.get(AgentSettings.MQTT_HOST)).isEqualTo(SecretFixtures.MQTT_HOST);
        assertThat(config.get(AgentSettings.MQTT_PORT)).isEqualTo(8883);
        assertThat(config.get(AgentSettings.MQTT_USER)).isEqualTo(SecretFixtures.MQTT_USER);
        assertThat(config.get(AgentSettings.MQTT_PASSWORD)).isEqualTo(SecretFixtures.MQTT_PASSWORD);
        assertThat(config.origin(AgentSettings.MQTT_PASSWORD))
                .isEqualTo("secret health-platform-mqtt-secret key MQTT_PASSWORD");
        // Settings the secrets do not hold keep their value and origin.
        assertThat(config.get(AgentSettings.DB_HOST)).isEqualTo("yaml-db");
        assertThat(config.origin(AgentSettings.DB_HOST)).isEqualTo("application.yml");
        assertThat(config.serviceName()).isEqualTo("health-agent");
        assertThat(config.get(AgentSettings.REALTIME_PLATFORM)).isEqualTo("health-platform");
    }

    @Test
    void kafkaSecurityGoesToConsumerAndProducerAndStaysHidden() {
        AgentConfig base = AgentConfig.builder()
                .serviceName("health-agent")
                .kafkaConsumerProperty("max.poll.records", "100")
                .build();

        AgentConfig config =
                SecretConfigurer.apply(base, secrets(fromApi(PlatformService.KAFKA, SecretFixtures.kafka())));

        for (Map<String, String> props : List.of(config.kafkaConsumerProperties(), config.kafkaProducerProperties())) {
            assertThat(props)
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .hasEntrySatisfying(
                            "sasl.jaas.config",
                            jaas -> assertThat(jaas)
                                    .startsWith(
                                            "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                                                    + SecretFixtures.KAFKA_USER + "\" password=\"")
                                    .contains("kafka-pw-\\\"quoted\\\"\\\\back;slash=6b2"));
        }
        assertThat(config.kafkaConsumerProperties()).containsEntry("max.poll.records", "100");
        assertThat(config.describe()).containsEntry("kafka.consumer.sasl.jaas.config", "[hidden]");
        assertThat(config.toString()).doesNotContain(SecretFixtures.KAFKA_PASSWORD, "kafka-pw-", "\"quoted\"");
    }

    @Test
    void anInvalidValueFromASecretNamesTheSecretAndKeyAndHidesSecrets() {
        AgentConfig base = AgentConfig.builder().serviceName("health-agent").build();
        ServiceSecret mqtt = fromApi(
                PlatformService.MQTT, Map.of("host", SecretFixtures.MQTT_HOST, "port", "not-a-port", "password", "  "));
        ServiceSecret kafka = fromApi(PlatformService.KAFKA, Map.of("bootstrap-servers", "no-port"));

        ConfigurationException error = catchThrowableOfType(
                ConfigurationException.class, () -> SecretConfigurer.apply(base, secrets(kafka, mqtt)));

        assertThat(error.problems())
                .contains("Invalid value no-port for configuration KAFKA_BOOTSTRAP_SERVERS (property"
                        + " kafka.bootstrap-servers, from secret health-platform-kafka-secret key bootstrap-servers):"
                        + " 'no-port' is not host:port (e.g. localhost:9092)")
                .contains("Invalid value not-a-port for configuration MQTT_PORT (property mqtt.port, from secret"
                        + " health-platform-mqtt-secret key port): expected a whole number");
        assertNoSecretValueIn(error.getMessage());
    }

    @Test
    void onlyTheChosenServicesAreApplied() {
        AgentConfig base = AgentConfig.builder().serviceName("health-agent").build();

        AgentConfig config = SecretConfigurer.apply(
                base,
                secrets(
                        fromApi(PlatformService.KAFKA, SecretFixtures.kafka()),
                        fromApi(PlatformService.MQTT, SecretFixtures.mqtt())),
                java.util.EnumSet.of(PlatformService.KAFKA));

        assertThat(config.kafkaBootstrapServers()).isEqualTo(SecretFixtures.KAFKA_SERVERS);
        assertThat(config.get(AgentSettings.MQTT_HOST)).isNull();
        assertThat(config.origin(AgentSettings.MQTT_HOST)).isEqualTo("default");
    }

    @Test
    void mountedFileAndEnvironmentOriginsAreShown() {
        AgentConfig base = AgentConfig.builder().serviceName("health-agent").build();
        ServiceSecret files = ServiceSecret.of(
                PlatformService.DB,
                "health-platform-db-secret",
                SecretSource.MOUNTED_FILES,
                "/etc/realtime/secrets/health-platform-db-secret",
                SecretFixtures.db());
        ServiceSecret env = ServiceSecret.of(
                PlatformService.LENSES,
                "health-platform-lenses-secret",
                SecretSource.ENVIRONMENT,
                "environment",
                Map.of("LENSES_URL", SecretFixtures.LENSES_URL));

        AgentConfig config = SecretConfigurer.apply(base, secrets(files, env));

        assertThat(config.origin(AgentSettings.DB_PASSWORD))
                .isEqualTo("secret file /etc/realtime/secrets/health-platform-db-secret/password");
        assertThat(config.get(AgentSettings.DB_NAME)).isEqualTo(SecretFixtures.DB_NAME);
        assertThat(config.origin(AgentSettings.LENSES_URL)).isEqualTo("environment variable LENSES_URL");
        assertThat(config.describe()).containsEntry("DB_PASSWORD", "[hidden]");
    }
}
