package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.realtimeagents.common.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    /** A loader that reads nothing but what the test gives it. */
    private static ConfigLoader isolated() {
        return ConfigLoader.standard()
                .withEnvironment(Map.of())
                .withSystemProperties(Map.of())
                .withoutClassPathFile();
    }

    private Path yaml(String text) throws IOException {
        Path file = dir.resolve("application.yml");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void load_onlyDefaults_withServiceNameFromEnvironment() {
        AgentConfig config =
                isolated().withEnvironment(Map.of("SERVICE_NAME", "svc")).load();

        assertThat(config.serviceName()).isEqualTo("svc");
        assertThat(config.origin(AgentSettings.SERVICE_NAME)).isEqualTo("environment variable SERVICE_NAME");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.origin(AgentSettings.HTTP_PORT)).isEqualTo("default");
    }

    @Test
    void load_nothingSet_failsNamingServiceName() {
        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class, () -> isolated().load());

        assertThat(e.getMessage()).contains("SERVICE_NAME").contains("service.name");
    }

    @Test
    void load_eachSource_overridesTheOnesBefore() throws IOException {
        Path file = yaml("""
                service:
                  name: from-file
                http:
                  port: 1001
                mqtt:
                  host: file-host
                  port: 1884
                db:
                  host: file-db
                agent:
                  type: file-type
                """);
        ConfigLoader loader = isolated()
                .withApplicationFile(file)
                .withEnvironment(Map.of("HTTP_PORT", "1002", "MQTT_HOST", "env-host", "MQTT_PORT", "1885"))
                .withSystemProperties(Map.of("mqtt.host", "sys-host", "mqtt.port", "1886"))
                .withArguments("--mqtt.port=1887", "positional", "-x", "--=ignored");

        AgentConfig config = loader.load();

        assertThat(config.get(AgentSettings.AGENT_TYPE)).isEqualTo("file-type");
        assertThat(config.serviceName()).isEqualTo("from-file");
        assertThat(config.get(AgentSettings.DB_HOST)).isEqualTo("file-db");
        assertThat(config.origin(AgentSettings.DB_HOST)).isEqualTo("application.yml");
        assertThat(config.httpPort()).isEqualTo(1002);
        assertThat(config.origin(AgentSettings.HTTP_PORT)).isEqualTo("environment variable HTTP_PORT");
        assertThat(config.get(AgentSettings.MQTT_HOST)).isEqualTo("sys-host");
        assertThat(config.origin(AgentSettings.MQTT_HOST)).isEqualTo("system property mqtt.host");
        assertThat(config.get(AgentSettings.MQTT_PORT)).isEqualTo(1887);
        assertThat(config.origin(AgentSettings.MQTT_PORT)).isEqualTo("command-line argument mqtt.port");
        assertThat(config.get(AgentSettings.SHUTDOWN_TIMEOUT)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void load_environment_readsEnvironmentVariableNamesNotPropertyNames() {
        AgentConfig config = isolated()
                .withEnvironment(Map.of("SERVICE_NAME", "svc", "http.port", "1234"))
                .load();

        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void load_systemProperties_readPropertyNamesNotEnvironmentVariableNames() {
        AgentConfig config = isolated()
                .withSystemProperties(Map.of("service.name", "svc", "HTTP_PORT", "1234"))
                .load();

        assertThat(config.serviceName()).isEqualTo("svc");
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void load_yamlNestingAndLists_flattenToProperties() throws IOException {
        Path file = yaml("""
                service.name: svc
                kafka:
                  bootstrap-servers: broker-1:9092,broker-2:9092
                  topic-message-types: vitals=heart_rate
                streaming:
                  topics: [a, b]
                  consumer-group: group-1
                handler:
                  retry-backoff: 500ms
                  max-retries: 7
                websocket:
                  enabled: false
                metabase:
                  url: ~
                """);

        AgentConfig config = isolated().withApplicationFile(file).load();

        assertThat(config.kafkaBootstrapServers()).isEqualTo("broker-1:9092,broker-2:9092");
        assertThat(config.origin(AgentSettings.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("application.yml");
        assertThat(config.streamingTopics()).containsExactly("a", "b");
        assertThat(config.consumerGroup()).isEqualTo("group-1");
        assertThat(config.messageTypeOf("vitals")).isEqualTo("heart_rate");
        assertThat(config.retryPolicy().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(config.retryPolicy().maxRetries()).isEqualTo(7);
        assertThat(config.get(AgentSettings.WEBSOCKET_ENABLED)).isFalse();
        assertThat(config.get(AgentSettings.METABASE_URL)).isNull();
    }

    @Test
    void load_yamlBlockList_flattensLikeInlineList() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                streaming:
                  topics:
                    - vitals
                    - alerts
                """);

        assertThat(isolated().withApplicationFile(file).load().streamingTopics())
                .containsExactly("vitals", "alerts");
    }

    @Test
    void load_kafkaPassThrough_fromEveryKindOfSource() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                kafka:
                  producer:
                    linger.ms: 5
                    compression:
                      type: zstd
                  consumer:
                    fetch.min.bytes: 1
                """);

        AgentConfig config = isolated()
                .withApplicationFile(file)
                .withEnvironment(Map.of("KAFKA_CONSUMER_MAX_POLL_RECORDS", "10", "KAFKA_PRODUCER_ACKS", "all"))
                .withSystemProperties(Map.of("kafka.consumer.fetch.min.bytes", "2"))
                .withArguments("--kafka.producer.batch.size=32768")
                .load();

        assertThat(config.kafkaConsumerProperties())
                .containsOnly(Map.entry("max.poll.records", "10"), Map.entry("fetch.min.bytes", "2"));
        assertThat(config.kafkaProducerProperties())
                .containsOnly(
                        Map.entry("linger.ms", "5"),
                        Map.entry("compression.type", "zstd"),
                        Map.entry("acks", "all"),
                        Map.entry("batch.size", "32768"));
    }

    @Test
    void envToKafka_turnsVariableSuffixIntoDottedLowerCase() {
        assertThat(ConfigLoader.envToKafka("MAX_POLL_RECORDS")).isEqualTo("max.poll.records");
    }

    @Test
    void load_passThroughSecret_isHiddenInDescription() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                kafka:
                  consumer:
                    sasl.jaas.config: "PlainLoginModule required password='yaml-hunter2';"
                mqtt:
                  password: mqtt-hunter2
                """);

        AgentConfig config = isolated()
                .withApplicationFile(file)
                .withEnvironment(Map.of("DB_PASSWORD", "db-hunter2", "KAFKA_PRODUCER_SSL_KEY_PASSWORD", "ssl-hunter2"))
                .load();

        assertThat(config.kafkaConsumerProperties().get("sasl.jaas.config")).contains("yaml-hunter2");
        assertThat(config.kafkaProducerProperties()).containsEntry("ssl.key.password", "ssl-hunter2");
        assertThat(config.toString()).doesNotContain("hunter2");
        assertThat(config.describe())
                .containsEntry("kafka.consumer.sasl.jaas.config", "[hidden]")
                .containsEntry("kafka.producer.ssl.key.password", "[hidden]")
                .containsEntry("MQTT_PASSWORD", "[hidden]")
                .containsEntry("DB_PASSWORD", "[hidden]");
    }

    @Test
    void load_invalidValuesFromSeveralSources_areReportedTogetherWithTheirOrigins() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                http:
                  port: 99999
                """);

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated()
                        .withApplicationFile(file)
                        .withEnvironment(
                                Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost", "MQTT_PASSWORD", "mqtt-hunter2"))
                        .withSystemProperties(Map.of("handler.retry-backoff", "fast"))
                        .load());

        assertThat(e.problems())
                .hasSize(3)
                .anySatisfy(p -> assertThat(p)
                        .contains("Invalid value 99999 for configuration HTTP_PORT (property http.port, from"
                                + " application.yml)"))
                .anySatisfy(p -> assertThat(p)
                        .contains("Invalid value localhost for configuration KAFKA_BOOTSTRAP_SERVERS (property"
                                + " kafka.bootstrap-servers, from environment variable KAFKA_BOOTSTRAP_SERVERS)"))
                .anySatisfy(p -> assertThat(p)
                        .contains("Invalid value fast for configuration HANDLER_RETRY_BACKOFF (property"
                                + " handler.retry-backoff, from system property handler.retry-backoff)"));
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void load_unparsableFileValueOverriddenByEnvironment_isValid() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                http:
                  port: eighty
                """);

        AgentConfig config = isolated()
                .withApplicationFile(file)
                .withEnvironment(Map.of("HTTP_PORT", "80"))
                .load();

        assertThat(config.httpPort()).isEqualTo(80);
    }

    @Test
    void builder_letsCodeOverrideAnUnparsableValueBeforeValidation() {
        AgentConfig config = isolated()
                .withEnvironment(Map.of("SERVICE_NAME", "svc", "HTTP_PORT", "eighty"))
                .builder()
                .httpPort(8081)
                .build();

        assertThat(config.httpPort()).isEqualTo(8081);
    }

    @Test
    void realtimeConfigFile_namesTheFileToRead() throws IOException {
        Path file = dir.resolve("agent-settings.yaml");
        Files.writeString(file, "service:\n  name: from-named-file\n");

        AgentConfig config = isolated()
                .withEnvironment(Map.of(ConfigLoader.CONFIG_FILE_ENV, file.toString()))
                .load();

        assertThat(config.serviceName()).isEqualTo("from-named-file");
        assertThat(config.origin(AgentSettings.SERVICE_NAME)).isEqualTo("agent-settings.yaml");
    }

    @Test
    void realtimeConfigFile_asASystemProperty_overridesTheEnvironment() throws IOException {
        Path fromEnv = dir.resolve("from-env.yaml");
        Files.writeString(fromEnv, "service:\n  name: from-env-file\n");
        Path fromProperty = dir.resolve("from-property.yaml");
        Files.writeString(fromProperty, "service:\n  name: from-property-file\n");

        AgentConfig config = isolated()
                .withEnvironment(Map.of("REALTIME_CONFIG_FILE", fromEnv.toString()))
                .withSystemProperties(Map.of("realtime.config-file", fromProperty.toString()))
                .load();

        assertThat(config.serviceName()).isEqualTo("from-property-file");
        assertThat(config.origin(AgentSettings.SERVICE_NAME)).isEqualTo("from-property.yaml");
    }

    @Test
    void realtimeConfigFile_missing_failsNamingTheFileAndVariable() {
        Path missing = dir.resolve("nowhere.yml");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated()
                        .withEnvironment(Map.of("SERVICE_NAME", "svc", "REALTIME_CONFIG_FILE", missing.toString()))
                        .load());

        assertThat(e.getMessage())
                .contains("Cannot read the configuration file " + missing.toAbsolutePath())
                .contains("named by REALTIME_CONFIG_FILE")
                .contains("check that it exists and is readable");
    }

    @Test
    void applicationFile_missing_failsNamingTheFile() {
        Path missing = dir.resolve("absent.yml");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated().withApplicationFile(missing).load());

        assertThat(e.getMessage())
                .contains("Cannot read the configuration file " + missing.toAbsolutePath())
                .doesNotContain("REALTIME_CONFIG_FILE");
    }

    @Test
    void malformedYaml_failsWithFileLineAndProblem() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                 http: 1
                """);

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated().withApplicationFile(file).load());

        assertThat(e.getMessage())
                .startsWith("Invalid configuration: Malformed YAML in " + file)
                .contains("at line 3")
                .contains("fix the YAML syntax");
    }

    @Test
    void malformedYaml_doesNotEchoTheOffendingLineWhichMayHoldASecret() throws IOException {
        Path file = yaml("""
                service:
                  name: svc
                mqtt:
                  password: hunter2: oops
                """);

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated().withApplicationFile(file).load());

        assertThat(e.getMessage())
                .doesNotContain("hunter2")
                .contains("at line 4")
                .contains("mapping values are not allowed here");
    }

    @Test
    void malformedYaml_unterminatedQuotedSecret_isNotEchoed() throws IOException {
        Path file = yaml("db:\n  password: \"hunter2\n  user: x\n");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated().withApplicationFile(file).load());

        assertThat(e.getMessage())
                .doesNotContain("hunter2")
                .contains("Malformed YAML")
                .contains("quoted scalar");
    }

    @Test
    void yamlWhoseRootIsNotAMapping_failsInsteadOfBeingIgnored() throws IOException {
        Path file = yaml("- service.name: svc\n");

        ConfigurationException e = catchThrowableOfType(
                ConfigurationException.class,
                () -> isolated().withApplicationFile(file).load());

        assertThat(e.getMessage())
                .contains("Malformed configuration in " + file)
                .contains("expected a mapping of settings")
                .contains("found a top-level array");
    }

    @Test
    void emptyYaml_isNoSettings() throws IOException {
        Path file = yaml("# nothing configured yet\n");

        AgentConfig config = isolated()
                .withApplicationFile(file)
                .withEnvironment(Map.of("SERVICE_NAME", "svc"))
                .load();

        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void fallback_isUsedOnlyWhenNoSourceSetsTheSetting() {
        AgentConfig fallbackOnly = isolated()
                .withFallback(AgentSettings.SERVICE_NAME, "health-agent")
                .load();
        AgentConfig environmentWins = isolated()
                .withFallback(AgentSettings.SERVICE_NAME, "health-agent")
                .withEnvironment(Map.of("SERVICE_NAME", "configured"))
                .load();

        assertThat(fallbackOnly.serviceName()).isEqualTo("health-agent");
        assertThat(fallbackOnly.origin(AgentSettings.SERVICE_NAME)).isEqualTo("default");
        assertThat(environmentWins.serviceName()).isEqualTo("configured");
        assertThat(environmentWins.origin(AgentSettings.SERVICE_NAME)).isEqualTo("environment variable SERVICE_NAME");
    }

    @Test
    void classPathFile_absent_isNoSettings() {
        AgentConfig config = ConfigLoader.standard()
                .withEnvironment(Map.of("SERVICE_NAME", "svc"))
                .withSystemProperties(Map.of())
                .load();

        assertThat(config.serviceName()).isEqualTo("svc");
        assertThat(config.httpPort()).isEqualTo(8080);
    }

    @Test
    void flattenYaml_nestedMapsAndListsBecomeDottedKeysAndCommaLists() {
        Map<String, String> flat = ConfigLoader.flattenYaml(
                new java.io.ByteArrayInputStream("a:\n  b:\n    c: 1\n  d: [x, y]\n  e: ~\n".getBytes()), "test");

        assertThat(flat).containsOnly(Map.entry("a.b.c", "1"), Map.entry("a.d", "x,y"));
    }

    @Test
    void load_passThroughPrefixWithoutName_isIgnored() {
        AgentConfig config = isolated()
                .withEnvironment(Map.of("SERVICE_NAME", "svc", "KAFKA_CONSUMER_", "x", "KAFKA_PRODUCER_", "y"))
                .load();

        assertThat(config.kafkaConsumerProperties()).isEmpty();
        assertThat(config.kafkaProducerProperties()).isEmpty();
    }

    @Test
    void load_secretValues_keepTheirSpacesWhileOtherValuesAreTrimmed() {
        AgentConfig config = isolated()
                .withEnvironment(Map.of("SERVICE_NAME", " svc ", "MQTT_PASSWORD", " pass word "))
                .load();

        assertThat(config.serviceName()).isEqualTo("svc");
        assertThat(config.get(AgentSettings.MQTT_PASSWORD)).isEqualTo(" pass word ");
    }

    @Test
    void describe_listsAndMaps_areShownAsTheyAreWritten() {
        AgentConfig config = isolated()
                .withEnvironment(Map.of(
                        "SERVICE_NAME", "svc",
                        "KAFKA_BOOTSTRAP_SERVERS", "a:1,b:2",
                        "KAFKA_TOPIC_MESSAGE_TYPES", "t1=x,t2=y"))
                .load();

        assertThat(config.describe())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "a:1,b:2")
                .containsEntry("KAFKA_TOPIC_MESSAGE_TYPES", "t1=x,t2=y");
    }
}
