package io.realtimeagents.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.handler.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentConfigTest {

    private static AgentConfig.Builder named() {
        return AgentConfig.builder().serviceName("x");
    }

    private static ConfigurationException failure(AgentConfig.Builder builder) {
        return catchThrowableOfType(ConfigurationException.class, builder::build);
    }

    @Test
    void build_onlyServiceName_usesDocumentedDefaults() {
        AgentConfig config = named().build();

        assertThat(config.serviceName()).isEqualTo("x");
        assertThat(config.kafkaBootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.streamingTopics()).isEmpty();
        assertThat(config.eventsTopic()).isEqualTo("realtime.events");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.get(AgentSettings.AGENT_TYPE)).isEqualTo("realtime-agent");
        assertThat(config.get(AgentSettings.REALTIME_ENABLED)).isTrue();
        assertThat(config.get(AgentSettings.WEBSOCKET_ENABLED)).isTrue();
        assertThat(config.get(AgentSettings.KAFKA_PARTITION_BUFFER_BYTES)).isEqualTo(4 * 1024 * 1024);
        assertThat(config.get(AgentSettings.KAFKA_COMMIT_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(AgentSettings.HANDLER_UNHANDLED)).isEqualTo(UnhandledMessagePolicy.DEAD_LETTER);
        assertThat(config.get(AgentSettings.MQTT_PORT)).isEqualTo(1883);
        assertThat(config.get(AgentSettings.MQTT_HOST)).isNull();
        assertThat(config.messageTypeOf("anything")).isNull();
        assertThat(config.kafkaConsumerProperties()).isEmpty();
        assertThat(config.kafkaProducerProperties()).isEmpty();
    }

    @Test
    void origin_ofDefaultAndCodeValues_saysWhereTheyCameFrom() {
        AgentConfig config = named().build();

        assertThat(config.origin(AgentSettings.SERVICE_NAME)).isEqualTo("code");
        assertThat(config.origin(AgentSettings.HTTP_PORT)).isEqualTo("default");
    }

    @Test
    void consumerGroup_notSet_isTheServiceName() {
        assertThat(named().build().consumerGroup()).isEqualTo("x");
    }

    @Test
    void consumerGroup_set_isTheConfiguredGroup() {
        assertThat(named().consumerGroup("analysts").build().consumerGroup()).isEqualTo("analysts");
    }

    @Test
    void deadLetterTopicFor_default_appendsDlq() {
        assertThat(named().build().deadLetterTopicFor("a")).isEqualTo("a.dlq");
    }

    @Test
    void deadLetterTopicFor_customTemplate_replacesTopicPlaceholder() {
        AgentConfig config = named().deadLetterTopic("dead-letters.{topic}.v1").build();

        assertThat(config.deadLetterTopicFor("vitals")).isEqualTo("dead-letters.vitals.v1");
    }

    @Test
    void deadLetterTopicFor_templateWithoutPlaceholder_isOneSharedTopic() {
        AgentConfig config = named().deadLetterTopic("all-failures").build();

        assertThat(config.deadLetterTopicFor("a")).isEqualTo("all-failures");
        assertThat(config.deadLetterTopicFor("b")).isEqualTo("all-failures");
    }

    @Test
    void retryPolicy_default_isThreeRetriesFrom200msUpTo10s() {
        assertThat(named().build().retryPolicy())
                .isEqualTo(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(10)))
                .isEqualTo(RetryPolicy.DEFAULT);
    }

    @Test
    void retryPolicy_configured_reflectsRetries() {
        AgentConfig config =
                named().retries(5, Duration.ofMillis(50), Duration.ofSeconds(2)).build();

        assertThat(config.retryPolicy()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(50), Duration.ofSeconds(2)));
    }

    @Test
    void typedSetters_setTheirSettings() {
        AgentConfig config = named().kafkaBootstrapServers(" broker-1:9092 , broker-2:9093 ")
                .streamingTopics("vitals", "alerts")
                .eventsTopic("events")
                .topicMessageType("vitals", "heart_rate")
                .topicMessageType("bp", "blood_pressure")
                .httpPort(0)
                .kafkaConsumerProperty("max.poll.records", "10")
                .kafkaProducerProperty("linger.ms", "5")
                .build();

        assertThat(config.kafkaBootstrapServers()).isEqualTo("broker-1:9092,broker-2:9093");
        assertThat(config.get(AgentSettings.KAFKA_BOOTSTRAP_SERVERS)).containsExactly("broker-1:9092", "broker-2:9093");
        assertThat(config.streamingTopics()).containsExactly("vitals", "alerts");
        assertThat(config.eventsTopic()).isEqualTo("events");
        assertThat(config.messageTypeOf("vitals")).isEqualTo("heart_rate");
        assertThat(config.messageTypeOf("bp")).isEqualTo("blood_pressure");
        assertThat(config.httpPort()).isZero();
        assertThat(config.kafkaConsumerProperties()).containsExactly(Map.entry("max.poll.records", "10"));
        assertThat(config.kafkaProducerProperties()).containsExactly(Map.entry("linger.ms", "5"));
    }

    @Test
    void build_withoutServiceName_failsNamingEnvironmentVariableAndProperty() {
        ConfigurationException e = failure(AgentConfig.builder());

        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage())
                .startsWith("Invalid configuration: Missing required configuration")
                .contains("SERVICE_NAME")
                .contains("service.name");
    }

    @Test
    void build_serviceNameSetToNull_isStillMissing() {
        ConfigurationException e = failure(AgentConfig.builder().serviceName(null));

        assertThat(e.getMessage()).contains("Missing required configuration SERVICE_NAME");
    }

    @Test
    void build_invalidServiceName_namesTheValueAndRule() {
        ConfigurationException e = failure(AgentConfig.builder().serviceName("-bad name"));

        assertThat(e.getMessage())
                .contains("Invalid value -bad name for configuration SERVICE_NAME (property service.name, from code)")
                .contains("starting with a letter or digit");
    }

    @Test
    void build_severalInvalidValues_reportsAllInOneException() {
        AgentConfig.Builder builder = named().parse(
                        AgentSettings.KAFKA_BOOTSTRAP_SERVERS,
                        "localhost",
                        "environment variable KAFKA_BOOTSTRAP_SERVERS")
                .parse(AgentSettings.HTTP_PORT, "70000", "environment variable HTTP_PORT")
                .parse(AgentSettings.HANDLER_MAX_RETRIES, "-1", "system property handler.max-retries")
                .parse(AgentSettings.SHUTDOWN_TIMEOUT, "soon", "application.yml");

        ConfigurationException e = failure(builder);

        assertThat(e.problems()).hasSize(4);
        assertThat(e.getMessage()).startsWith("Invalid configuration (4 problems):");
        assertThat(e.problems())
                .anySatisfy(p -> assertThat(p)
                        .contains("localhost")
                        .contains("KAFKA_BOOTSTRAP_SERVERS")
                        .contains("kafka.bootstrap-servers")
                        .contains("from environment variable KAFKA_BOOTSTRAP_SERVERS")
                        .contains("is not host:port"))
                .anySatisfy(p -> assertThat(p)
                        .contains("70000")
                        .contains("HTTP_PORT")
                        .contains("http.port")
                        .contains("from environment variable HTTP_PORT")
                        .contains("must be between 0 and 65535"))
                .anySatisfy(p -> assertThat(p)
                        .contains("-1")
                        .contains("HANDLER_MAX_RETRIES")
                        .contains("handler.max-retries")
                        .contains("from system property handler.max-retries")
                        .contains("must be between 0 and 1000"))
                .anySatisfy(p -> assertThat(p)
                        .contains("soon")
                        .contains("SHUTDOWN_TIMEOUT")
                        .contains("shutdown.timeout")
                        .contains("from application.yml")
                        .contains("expected a duration"));
        e.problems().forEach(problem -> assertThat(e.getMessage()).contains("\n  - " + problem));
    }

    @Test
    void build_missingServiceNameAndInvalidValue_reportsBoth() {
        ConfigurationException e =
                failure(AgentConfig.builder().parse(AgentSettings.MQTT_PORT, "abc", "environment variable MQTT_PORT"));

        assertThat(e.problems())
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("MQTT_PORT").contains("expected a whole number"))
                .anySatisfy(p -> assertThat(p).contains("Missing required configuration SERVICE_NAME"));
    }

    @Test
    void build_bootstrapServerWithPortOutOfRange_failsNamingThePort() {
        ConfigurationException e = failure(named().kafkaBootstrapServers("good:9092,host:99999"));

        assertThat(e.getMessage())
                .contains("KAFKA_BOOTSTRAP_SERVERS")
                .contains("'host:99999' has port 99999, outside 1-65535");
    }

    @Test
    void build_bootstrapServerWithoutPort_failsWithExample() {
        ConfigurationException e = failure(named().kafkaBootstrapServers("localhost"));

        assertThat(e.getMessage()).contains("'localhost' is not host:port (e.g. localhost:9092)");
    }

    @Test
    void build_emptyBootstrapServers_failsAskingForOneBroker() {
        ConfigurationException e = failure(named().kafkaBootstrapServers(" , "));

        assertThat(e.getMessage()).contains("KAFKA_BOOTSTRAP_SERVERS").contains("must name at least one broker");
    }

    @Test
    void build_invalidStreamingTopic_namesTheTopic() {
        ConfigurationException e = failure(named().streamingTopics("vitals", "bad topic!"));

        assertThat(e.getMessage())
                .contains("STREAMING_TOPICS (property streaming.topics, from code)")
                .contains("'bad topic!' is not a valid Kafka topic name");
    }

    @Test
    void build_invalidEventsTopic_isRejected() {
        ConfigurationException e = failure(named().eventsTopic(".."));

        assertThat(e.getMessage()).contains("KAFKA_EVENTS_TOPIC").contains("'..' is not a valid Kafka topic name");
    }

    @Test
    void build_topicMessageTypeWithInvalidTopic_isRejected() {
        ConfigurationException e = failure(named().topicMessageType("no/slash", "heart_rate"));

        assertThat(e.getMessage())
                .contains("KAFKA_TOPIC_MESSAGE_TYPES")
                .contains("'no/slash' is not a valid Kafka topic name");
    }

    @Test
    void build_invalidDeadLetterTemplate_isRejected() {
        ConfigurationException e = failure(named().deadLetterTopic("{topic} dlq"));

        assertThat(e.getMessage()).contains("KAFKA_DEAD_LETTER_TOPIC").contains("is not a valid Kafka topic name");
    }

    @Test
    void build_httpPortOutOfRange_isRejected() {
        assertThat(failure(named().httpPort(65536)).getMessage())
                .contains("Invalid value 65536 for configuration HTTP_PORT (property http.port, from code)")
                .contains("must be between 0 and 65535");
        assertThat(failure(named().httpPort(-1)).getMessage()).contains("Invalid value -1 for configuration HTTP_PORT");
    }

    @Test
    void build_negativeRetries_isRejected() {
        ConfigurationException e = failure(named().retries(-1, Duration.ofMillis(1), Duration.ofMillis(1)));

        assertThat(e.getMessage())
                .contains("Invalid value -1 for configuration HANDLER_MAX_RETRIES")
                .contains("must be between 0 and 1000");
    }

    @Test
    void build_backoffMaxShorterThanBackoff_namesBothSettingsAndOrigin() {
        AgentConfig.Builder builder = named().parse(
                        AgentSettings.HANDLER_RETRY_BACKOFF, "2s", "environment variable HANDLER_RETRY_BACKOFF")
                .parse(AgentSettings.HANDLER_RETRY_BACKOFF_MAX, "1s", "environment variable HANDLER_RETRY_BACKOFF_MAX");

        ConfigurationException e = failure(builder);

        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("HANDLER_RETRY_BACKOFF_MAX (property handler.retry-backoff-max")
                .contains("from environment variable HANDLER_RETRY_BACKOFF_MAX")
                .contains("must not be shorter than HANDLER_RETRY_BACKOFF (PT2S)");
    }

    @Test
    void build_negativeBackoff_isRejected() {
        ConfigurationException e = failure(named().parse(AgentSettings.HANDLER_RETRY_BACKOFF, "PT-1S", "code"));

        assertThat(e.getMessage()).contains("HANDLER_RETRY_BACKOFF").contains("must not be negative");
    }

    @Test
    void build_zeroShutdownTimeout_isRejected() {
        ConfigurationException e = failure(named().parse(AgentSettings.SHUTDOWN_TIMEOUT, "0s", "code"));

        assertThat(e.getMessage()).contains("SHUTDOWN_TIMEOUT").contains("must be longer than zero");
    }

    @Test
    void build_urlWithoutHttpScheme_isRejected() {
        ConfigurationException e = failure(named().parse(AgentSettings.METABASE_URL, "ftp://example.org", "code"));

        assertThat(e.getMessage()).contains("METABASE_URL").contains("must be an http:// or https:// URL with a host");
    }

    @Test
    void parse_validTexts_areConvertedToTypedValues() {
        AgentConfig config = named().parse(AgentSettings.HANDLER_UNHANDLED, "ignore", "code")
                .parse(AgentSettings.WEBSOCKET_ENABLED, "off", "code")
                .parse(AgentSettings.KAFKA_COMMIT_INTERVAL, "250ms", "code")
                .parse(AgentSettings.SHUTDOWN_TIMEOUT, "PT30S", "code")
                .parse(AgentSettings.HANDLER_RETRY_BACKOFF_MAX, "5m", "code")
                .parse(AgentSettings.KAFKA_TOPIC_MESSAGE_TYPES, "vitals=heart_rate, bp=blood_pressure", "code")
                .parse(AgentSettings.HTTP_PORT, " 9000 ", "code")
                .build();

        assertThat(config.get(AgentSettings.HANDLER_UNHANDLED)).isEqualTo(UnhandledMessagePolicy.IGNORE);
        assertThat(config.get(AgentSettings.WEBSOCKET_ENABLED)).isFalse();
        assertThat(config.get(AgentSettings.KAFKA_COMMIT_INTERVAL)).isEqualTo(Duration.ofMillis(250));
        assertThat(config.shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.retryPolicy().maxBackoff()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.messageTypeOf("bp")).isEqualTo("blood_pressure");
        assertThat(config.httpPort()).isEqualTo(9000);
    }

    @Test
    void parse_unknownChoice_listsTheChoices() {
        ConfigurationException e = failure(named().parse(AgentSettings.HANDLER_UNHANDLED, "drop", "code"));

        assertThat(e.getMessage())
                .contains("Invalid value drop for configuration HANDLER_UNHANDLED")
                .contains("expected dead-letter or ignore");
    }

    @Test
    void failureStrategy_defaultsToDeadLetter_andParsesEveryStrategy() {
        assertThat(named().build().get(AgentSettings.HANDLER_FAILURE_STRATEGY))
                .isEqualTo(HandlerFailureStrategy.DEAD_LETTER);
        for (HandlerFailureStrategy strategy : HandlerFailureStrategy.values()) {
            AgentConfig config = named().parse(AgentSettings.HANDLER_FAILURE_STRATEGY, strategy.text(), "code")
                    .build();

            assertThat(config.get(AgentSettings.HANDLER_FAILURE_STRATEGY)).isEqualTo(strategy);
        }
    }

    @Test
    void failureStrategy_unknown_failsNamingTheSettingAndTheChoices() {
        ConfigurationException e = failure(named().parse(AgentSettings.HANDLER_FAILURE_STRATEGY, "retry", "code"));

        assertThat(e.getMessage())
                .contains("Invalid value retry for configuration HANDLER_FAILURE_STRATEGY")
                .contains("expected dead-letter, ignore or fail-stop");
    }

    @Test
    void set_afterUnparsableParse_overridesTheProblem() {
        AgentConfig config = named().parse(AgentSettings.HTTP_PORT, "eighty", "environment variable HTTP_PORT")
                .set(AgentSettings.HTTP_PORT, 8081)
                .build();

        assertThat(config.httpPort()).isEqualTo(8081);
        assertThat(config.origin(AgentSettings.HTTP_PORT)).isEqualTo("code");
    }

    @Test
    void parse_validAfterUnparsable_overridesTheProblem() {
        AgentConfig config = named().parse(AgentSettings.HTTP_PORT, "eighty", "application.yml")
                .parse(AgentSettings.HTTP_PORT, "8082", "environment variable HTTP_PORT")
                .build();

        assertThat(config.httpPort()).isEqualTo(8082);
        assertThat(config.origin(AgentSettings.HTTP_PORT)).isEqualTo("environment variable HTTP_PORT");
    }

    @Test
    void parse_unparsableAfterValid_isReportedAndNotSilentlyIgnored() {
        ConfigurationException e = failure(named().parse(AgentSettings.HTTP_PORT, "8082", "application.yml")
                .parse(AgentSettings.HTTP_PORT, "eighty", "environment variable HTTP_PORT"));

        assertThat(e.getMessage())
                .contains("Invalid value eighty for configuration HTTP_PORT (property http.port, from environment"
                        + " variable HTTP_PORT): expected a whole number");
    }

    @Test
    void isSet_reflectsWhetherASettingHasAValue() {
        AgentConfig.Builder builder = named();

        assertThat(builder.isSet(AgentSettings.SERVICE_NAME)).isTrue();
        assertThat(builder.isSet(AgentSettings.MQTT_HOST)).isFalse();
        assertThat(builder.set(AgentSettings.MQTT_HOST, "broker").isSet(AgentSettings.MQTT_HOST))
                .isTrue();
    }

    @Test
    void toBuilder_roundTrip_keepsValuesOriginsAndPassThroughProperties() {
        AgentConfig original = named().parse(AgentSettings.HTTP_PORT, "9000", "environment variable HTTP_PORT")
                .streamingTopics("vitals")
                .kafkaConsumerProperty("max.poll.records", "10")
                .kafkaProducerProperty("linger.ms", "5")
                .build();

        AgentConfig copy = original.toBuilder().build();

        assertThat(copy.describe()).isEqualTo(original.describe());
        assertThat(copy.origin(AgentSettings.HTTP_PORT)).isEqualTo("environment variable HTTP_PORT");
        assertThat(copy.kafkaConsumerProperties()).isEqualTo(original.kafkaConsumerProperties());
        assertThat(copy.kafkaProducerProperties()).isEqualTo(original.kafkaProducerProperties());
    }

    @Test
    void toBuilder_changes_doNotAffectTheOriginal() {
        AgentConfig original = named().build();

        AgentConfig changed =
                original.toBuilder().httpPort(1234).serviceName("y").build();

        assertThat(changed.httpPort()).isEqualTo(1234);
        assertThat(changed.serviceName()).isEqualTo("y");
        assertThat(original.httpPort()).isEqualTo(8080);
        assertThat(original.serviceName()).isEqualTo("x");
    }

    @Test
    void describe_listsEverySettingByEnvironmentVariable() {
        Map<String, String> shown = named().build().describe();

        assertThat(shown.keySet())
                .containsSubsequence(
                        AgentSettings.all().stream().map(Setting::env).toList());
        assertThat(shown)
                .containsEntry("SERVICE_NAME", "x")
                .containsEntry("HTTP_PORT", "8080")
                .containsEntry("MQTT_HOST", "(not set)");
    }

    @Test
    void secrets_neverAppearInToStringOrDescribe() {
        AgentConfig config = named().set(AgentSettings.MQTT_PASSWORD, "mqtt-hunter2")
                .set(AgentSettings.DB_PASSWORD, "db-hunter2")
                .set(AgentSettings.MQTT_USER, "device-user")
                .kafkaConsumerProperty("sasl.jaas.config", "PlainLoginModule password=\"jaas-hunter2\";")
                .kafkaConsumerProperty("ssl.keystore.password", "ks-hunter2")
                .kafkaConsumerProperty("ssl.keystore.key", "-----BEGIN PRIVATE KEY----- pk-hunter2")
                .kafkaProducerProperty("sasl.oauthbearer.client.credentials.client.secret", "oauth-hunter2")
                .kafkaProducerProperty("basic.auth.user.info", "user:sr-hunter2")
                .kafkaProducerProperty("linger.ms", "5")
                .build();

        String text = config.toString();
        Map<String, String> shown = config.describe();

        assertThat(text).doesNotContain("hunter2").contains("MQTT_PASSWORD=[hidden]", "DB_PASSWORD=[hidden]");
        assertThat(shown.values()).noneMatch(value -> value.contains("hunter2"));
        assertThat(shown)
                .containsEntry("MQTT_PASSWORD", "[hidden]")
                .containsEntry("DB_PASSWORD", "[hidden]")
                .containsEntry("kafka.consumer.sasl.jaas.config", "[hidden]")
                .containsEntry("kafka.consumer.ssl.keystore.key", "[hidden]")
                .containsEntry("MQTT_USER", "device-user")
                .containsEntry("kafka.producer.linger.ms", "5");
        assertThat(config.get(AgentSettings.MQTT_PASSWORD)).isEqualTo("mqtt-hunter2");
        assertThat(config.kafkaConsumerProperties()).containsEntry("ssl.keystore.password", "ks-hunter2");
    }

    @Test
    void unsetSecret_isShownAsNotSet() {
        assertThat(named().build().describe()).containsEntry("DB_PASSWORD", "(not set)");
    }

    @Test
    void secret_withUnparsableValue_isHiddenInTheProblem() {
        Setting<Integer> pin = Setting.builder("device.pin", "DEVICE_PIN", Types::integer)
                .doc("A secret number")
                .secret()
                .build();

        ConfigurationException e = failure(named().parse(pin, "hunter2", "environment variable DEVICE_PIN"));

        assertThat(e.getMessage())
                .doesNotContain("hunter2")
                .contains("Invalid value [hidden] for configuration DEVICE_PIN (property device.pin, from environment"
                        + " variable DEVICE_PIN): expected a whole number");
    }

    @Test
    void secrets_withAnotherSettingInvalid_doNotAppearInTheException() {
        AgentConfig.Builder builder = AgentConfig.builder()
                .set(AgentSettings.MQTT_PASSWORD, "mqtt-hunter2")
                .set(AgentSettings.DB_PASSWORD, "db-hunter2")
                .kafkaConsumerProperty("sasl.jaas.config", "jaas-hunter2")
                .httpPort(-5);

        ConfigurationException e = failure(builder);

        assertThat(e.getMessage()).doesNotContain("hunter2");
        assertThat(e.problems()).hasSize(2).noneMatch(p -> p.contains("hunter2"));
    }

    @Test
    void allSettings_haveUniqueNamesAndDocumentation() {
        List<Setting<?>> all = AgentSettings.all();

        assertThat(all.stream().map(Setting::env)).doesNotHaveDuplicates();
        assertThat(all.stream().map(Setting::property)).doesNotHaveDuplicates();
        assertThat(all).allSatisfy(setting -> {
            assertThat(setting.doc()).isNotBlank();
            assertThat(setting.toString()).isEqualTo(setting.env() + " (" + setting.property() + ")");
        });
        assertThat(all.stream().filter(Setting::secret))
                .containsExactlyInAnyOrder(
                        AgentSettings.MQTT_PASSWORD,
                        AgentSettings.DB_PASSWORD,
                        AgentSettings.LIVE_AUTH_JWT_SECRET,
                        AgentSettings.LIVE_AUTH_API_KEYS);
    }

    @Test
    void defaultText_describesDerivedDefaults() {
        assertThat(AgentSettings.STREAMING_CONSUMER_GROUP.defaultText()).isEqualTo("the service name");
        assertThat(AgentSettings.HANDLER_RETRY_BACKOFF.defaultText()).isEqualTo("200ms");
        assertThat(AgentSettings.HTTP_PORT.defaultText()).isEqualTo("8080");
        assertThat(AgentSettings.MQTT_HOST.defaultText()).isEmpty();
    }
}
