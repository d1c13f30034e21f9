package io.realtimeagents.common.config;

import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.handler.RetryPolicy;
import io.realtimeagents.common.internal.Checks;
import io.realtimeagents.common.mqtt.MqttBridge;
import io.realtimeagents.common.mqtt.MqttSubscription;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The validated, immutable configuration of an agent. Build one in code with {@link #builder()}, or load one from
 * the environment with {@link #fromEnvironment()} / {@link ConfigLoader}. Every setting is declared in
 * {@link AgentSettings}; {@link #get(Setting)} reads any of them, the typed accessors the common ones. Secrets never
 * appear in {@link #toString()}.
 *
 * <p>Over 300 lines because its builder has one documented, typed setter per commonly set setting, so that code
 * building a configuration reads like the configuration page.
 */
public final class AgentConfig {
    /**
     * Parts of Kafka client property names whose values are secret: passwords, JAAS configs, private keys and their
     * passphrases, OAuth client secrets and tokens, schema registry credentials ({@code basic.auth.user.info}).
     */
    private static final List<String> SECRET_MARKERS =
            List.of("password", "secret", "jaas", "keystore.key", "passphrase", "token", "user.info");

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> origins;
    private final Map<String, String> kafkaConsumerProperties;
    private final Map<String, String> kafkaProducerProperties;

    private AgentConfig(Builder builder) {
        this.values = Collections.unmodifiableMap(new HashMap<>(builder.values));
        this.origins = Collections.unmodifiableMap(new HashMap<>(builder.origins));
        this.kafkaConsumerProperties = Map.copyOf(builder.kafkaConsumer);
        this.kafkaProducerProperties = Map.copyOf(builder.kafkaProducer);
    }

    /** A builder with every setting at its default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configuration from {@code application.yml}, environment variables and system properties. */
    public static AgentConfig fromEnvironment() {
        return ConfigLoader.standard().load();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.values.putAll(values);
        builder.origins.putAll(origins);
        builder.kafkaConsumer.putAll(kafkaConsumerProperties);
        builder.kafkaProducer.putAll(kafkaProducerProperties);
        return builder;
    }

    /** The value of a setting: the configured one, else its default (null when it has none). */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting);
        return value != null ? (T) value : setting.defaultValue();
    }

    /** Where a setting's value came from, e.g. "environment variable KAFKA_BOOTSTRAP_SERVERS" or "default". */
    public String origin(Setting<?> setting) {
        return origins.getOrDefault(setting, "default");
    }

    /** The service name. */
    public String serviceName() {
        return get(AgentSettings.SERVICE_NAME);
    }

    /** The Kafka consumer group: the configured one, else the service name. */
    public String consumerGroup() {
        String group = get(AgentSettings.STREAMING_CONSUMER_GROUP);
        return group != null ? group : serviceName();
    }

    /** The topic of requests to this service: the configured one, else {@code <service>.requests}. */
    public String requestTopic() {
        String topic = get(AgentSettings.AGENT_REQUEST_TOPIC);
        return topic != null ? topic : serviceName() + ".requests";
    }

    /** The Kafka bootstrap servers as one comma-separated string. */
    public String kafkaBootstrapServers() {
        return String.join(",", get(AgentSettings.KAFKA_BOOTSTRAP_SERVERS));
    }

    /** The topics whose records go to the message handlers. */
    public List<String> streamingTopics() {
        return get(AgentSettings.STREAMING_TOPICS);
    }

    /** The topic of emitted events. */
    public String eventsTopic() {
        return get(AgentSettings.KAFKA_EVENTS_TOPIC);
    }

    /** The message type configured for a topic, or null. */
    public String messageTypeOf(String topic) {
        return get(AgentSettings.KAFKA_TOPIC_MESSAGE_TYPES).get(topic);
    }

    /** The dead-letter topic for records of the given topic. */
    public String deadLetterTopicFor(String topic) {
        return get(AgentSettings.KAFKA_DEAD_LETTER_TOPIC).replace("{topic}", topic);
    }

    /** How failed handlers are retried. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                get(AgentSettings.HANDLER_MAX_RETRIES),
                get(AgentSettings.HANDLER_RETRY_BACKOFF),
                get(AgentSettings.HANDLER_RETRY_BACKOFF_MAX));
    }

    /** The HTTP port (0: any free port). */
    public int httpPort() {
        return get(AgentSettings.HTTP_PORT);
    }

    /** How long shutdown waits for in-flight work. */
    public Duration shutdownTimeout() {
        return get(AgentSettings.SHUTDOWN_TIMEOUT);
    }

    /** Whether the agent connects to an MQTT broker: {@code MQTT_HOST} is set, or subscriptions or bridges are. */
    public boolean mqttEnabled() {
        return get(AgentSettings.MQTT_HOST) != null
                || !get(AgentSettings.MQTT_SUBSCRIPTIONS).isEmpty()
                || !get(AgentSettings.MQTT_BRIDGES).isEmpty();
    }

    /** The configured MQTT subscriptions. */
    public List<MqttSubscription> mqttSubscriptions() {
        return get(AgentSettings.MQTT_SUBSCRIPTIONS);
    }

    /** The configured MQTT-to-Kafka bridges. */
    public List<MqttBridge> mqttBridges() {
        return get(AgentSettings.MQTT_BRIDGES);
    }

    /** The MQTT client id: the configured one, else {@code <service name>-<host name>}. */
    public String mqttClientId() {
        String id = get(AgentSettings.MQTT_CLIENT_ID);
        if (id != null) {
            return id;
        }
        String derived = (serviceName() + "-" + hostName()).replaceAll("[^A-Za-z0-9._:-]", "-");
        return derived.length() <= 128 ? derived : derived.substring(0, 128);
    }

    /** The shared-subscription group: the configured one, else the consumer group; null when set to {@code none}. */
    public String mqttSharedGroup() {
        String group = get(AgentSettings.MQTT_SHARED_GROUP);
        if (Types.NO_SHARED_GROUP.equals(group)) {
            return null;
        }
        return group != null ? group : consumerGroup();
    }

    /** This machine's name: {@code HOSTNAME} (in Kubernetes, the pod's name), else the local host's, else localhost. */
    public static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Kafka consumer properties passed through as they are ({@code kafka.consumer.*}). */
    public Map<String, String> kafkaConsumerProperties() {
        return kafkaConsumerProperties;
    }

    /** Kafka producer properties passed through as they are ({@code kafka.producer.*}). */
    public Map<String, String> kafkaProducerProperties() {
        return kafkaProducerProperties;
    }

    /** Every setting's value as shown to people (secrets as {@code [hidden]}), keyed by environment variable. */
    public Map<String, String> describe() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Setting<?> setting : AgentSettings.all()) {
            shown.put(setting.env(), setting.show(get(setting)));
        }
        kafkaConsumerProperties.forEach((k, v) -> shown.put("kafka.consumer." + k, shownPassThrough(k, v)));
        kafkaProducerProperties.forEach((k, v) -> shown.put("kafka.producer." + k, shownPassThrough(k, v)));
        return shown;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "AgentConfig{", "}");
        describe().forEach((name, value) -> text.add(name + "=" + value));
        return text.toString();
    }

    private static String shownPassThrough(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SECRET_MARKERS.stream().anyMatch(lower::contains) ? "[hidden]" : value;
    }

    /** Builds an {@link AgentConfig}; {@link #build()} validates every setting and reports all problems at once. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new HashMap<>();
        private final Map<Setting<?>, String> origins = new HashMap<>();
        private final Map<String, String> kafkaConsumer = new LinkedHashMap<>();
        private final Map<String, String> kafkaProducer = new LinkedHashMap<>();
        private final Map<Setting<?>, String> parseProblems = new LinkedHashMap<>();

        private Builder() {}

        /** Sets a setting in code. */
        public <T> Builder set(Setting<T> setting, T value) {
            Checks.notNull(setting, "setting");
            values.put(setting, value);
            origins.put(setting, "code");
            parseProblems.remove(setting);
            return this;
        }

        /**
         * Sets a setting from text, as read from a source; a value that cannot be parsed is reported by
         * {@link #build()}.
         *
         * @param origin where the text came from, e.g. "environment variable MQTT_PORT"
         */
        public Builder parse(Setting<?> setting, String text, String origin) {
            Checks.notNull(setting, "setting");
            Checks.notNull(text, "text");
            try {
                values.put(setting, setting.parse(text));
                origins.put(setting, origin);
                parseProblems.remove(setting);
            } catch (IllegalArgumentException e) {
                values.remove(setting);
                parseProblems.put(
                        setting, invalid(setting, setting.secret() ? "[hidden]" : text, origin, e.getMessage()));
            }
            return this;
        }

        /** Sets a Kafka consumer property, passed to the consumer as it is (e.g. {@code max.poll.records}). */
        public Builder kafkaConsumerProperty(String name, String value) {
            kafkaConsumer.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
            return this;
        }

        /** Sets a Kafka producer property, passed to the producer as it is (e.g. {@code linger.ms}). */
        public Builder kafkaProducerProperty(String name, String value) {
            kafkaProducer.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
            return this;
        }

        /** Whether a setting has been given a value (by code or a source). */
        public boolean isSet(Setting<?> setting) {
            return values.get(setting) != null;
        }

        /** Sets the service name. */
        public Builder serviceName(String name) {
            return set(AgentSettings.SERVICE_NAME, name);
        }

        /** Sets the Kafka bootstrap servers, comma-separated host:port. */
        public Builder kafkaBootstrapServers(String servers) {
            return set(AgentSettings.KAFKA_BOOTSTRAP_SERVERS, Types.list(servers));
        }

        /** Sets the topics consumed by the message handlers. */
        public Builder streamingTopics(String... topics) {
            return set(AgentSettings.STREAMING_TOPICS, List.copyOf(Arrays.asList(topics)));
        }

        /** Sets the consumer group. */
        public Builder consumerGroup(String group) {
            return set(AgentSettings.STREAMING_CONSUMER_GROUP, group);
        }

        /** Maps a topic to the message type of records that name none. */
        public Builder topicMessageType(String topic, String messageType) {
            Map<String, String> mapping = new LinkedHashMap<>(get(AgentSettings.KAFKA_TOPIC_MESSAGE_TYPES));
            mapping.put(topic, messageType);
            return set(AgentSettings.KAFKA_TOPIC_MESSAGE_TYPES, Map.copyOf(mapping));
        }

        /** Sets the events topic. */
        public Builder eventsTopic(String topic) {
            return set(AgentSettings.KAFKA_EVENTS_TOPIC, topic);
        }

        /** Sets the dead-letter topic; {@code {topic}} is replaced by the failed record's topic. */
        public Builder deadLetterTopic(String template) {
            return set(AgentSettings.KAFKA_DEAD_LETTER_TOPIC, template);
        }

        /** Sets retries and backoff of failed handlers. */
        public Builder retries(int maxRetries, Duration backoff, Duration maxBackoff) {
            set(AgentSettings.HANDLER_MAX_RETRIES, maxRetries);
            set(AgentSettings.HANDLER_RETRY_BACKOFF, backoff);
            return set(AgentSettings.HANDLER_RETRY_BACKOFF_MAX, maxBackoff);
        }

        /** Sets the MQTT broker's host and port, which enables MQTT. */
        public Builder mqttBroker(String host, int port) {
            set(AgentSettings.MQTT_HOST, host);
            return set(AgentSettings.MQTT_PORT, port);
        }

        /** Adds an MQTT subscription in the configuration syntax, e.g. {@code devices/{patient}/vitals/bp=bp@1}. */
        public Builder mqttSubscription(String subscription) {
            List<MqttSubscription> all = new ArrayList<>(get(AgentSettings.MQTT_SUBSCRIPTIONS));
            all.add(MqttSubscription.parse(subscription));
            return set(AgentSettings.MQTT_SUBSCRIPTIONS, List.copyOf(all));
        }

        /** Adds an MQTT-to-Kafka bridge in the configuration syntax, e.g. {@code devices/{p}/vitals/#=vitals:p}. */
        public Builder mqttBridge(String bridge) {
            List<MqttBridge> all = new ArrayList<>(get(AgentSettings.MQTT_BRIDGES));
            all.add(MqttBridge.parse(bridge));
            return set(AgentSettings.MQTT_BRIDGES, List.copyOf(all));
        }

        /** Sets the HTTP port (0: any free port). */
        public Builder httpPort(int port) {
            return set(AgentSettings.HTTP_PORT, port);
        }

        /** Validates every setting and builds the configuration. */
        public AgentConfig build() {
            List<String> problems = new ArrayList<>(parseProblems.values());
            for (Setting<?> setting : AgentSettings.all()) {
                check(setting, problems);
            }
            if (values.get(AgentSettings.SERVICE_NAME) == null) {
                problems.add("Missing required configuration " + AgentSettings.SERVICE_NAME.env() + " (property "
                        + AgentSettings.SERVICE_NAME.property() + "): set it to the name of the service");
            }
            checkNotShorter(AgentSettings.HANDLER_RETRY_BACKOFF_MAX, AgentSettings.HANDLER_RETRY_BACKOFF, problems);
            checkMqtt(problems);
            checkStatusProtection(problems);
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new AgentConfig(this);
        }

        private void checkMqtt(List<String> problems) {
            boolean routes = !get(AgentSettings.MQTT_SUBSCRIPTIONS).isEmpty()
                    || !get(AgentSettings.MQTT_BRIDGES).isEmpty();
            if (routes && get(AgentSettings.MQTT_HOST) == null) {
                problems.add("Missing configuration " + AgentSettings.MQTT_HOST.env() + " (property "
                        + AgentSettings.MQTT_HOST.property() + "): MQTT subscriptions or bridges are configured, so"
                        + " name the MQTT broker's host");
            }
            checkNotShorter(AgentSettings.MQTT_RECONNECT_BACKOFF_MAX, AgentSettings.MQTT_RECONNECT_BACKOFF, problems);
        }

        /** A maximum backoff shorter than the first backoff is a problem named on the maximum. */
        private void checkNotShorter(
                Setting<Duration> maxSetting, Setting<Duration> minSetting, List<String> problems) {
            Duration min = get(minSetting);
            Duration max = get(maxSetting);
            if (max.compareTo(min) < 0) {
                problems.add(invalid(
                        maxSetting,
                        maxSetting.show(max),
                        origins.getOrDefault(maxSetting, "default"),
                        "must not be shorter than " + minSetting.env() + " (" + min + ")"));
            }
        }

        private void checkStatusProtection(List<String> problems) {
            boolean credentials = get(AgentSettings.LIVE_AUTH_JWT_SECRET) != null
                    || get(AgentSettings.LIVE_AUTH_JWKS_URL) != null
                    || get(AgentSettings.LIVE_AUTH_API_KEYS) != null;
            if (get(AgentSettings.STATUS_ENDPOINTS_PROTECTED) && !credentials) {
                Setting<Boolean> setting = AgentSettings.STATUS_ENDPOINTS_PROTECTED;
                problems.add(invalid(
                        setting,
                        "true",
                        origins.getOrDefault(setting, "default"),
                        "no credential could ever be accepted: set LIVE_AUTH_JWT_SECRET, LIVE_AUTH_JWKS_URL or"
                                + " LIVE_AUTH_API_KEYS"));
            }
        }

        private <T> void check(Setting<T> setting, List<String> problems) {
            T value = get(setting);
            if (value == null) {
                return;
            }
            String problem = setting.problem(value);
            if (problem != null) {
                problems.add(invalid(setting, setting.show(value), origins.getOrDefault(setting, "default"), problem));
            }
        }

        /** The value a setting has so far: the one given, else its default (null when it has none). */
        public <T> T value(Setting<T> setting) {
            return get(setting);
        }

        @SuppressWarnings("unchecked")
        private <T> T get(Setting<T> setting) {
            Object value = values.get(setting);
            return value != null ? (T) value : setting.defaultValue();
        }

        private static String invalid(Setting<?> setting, String shown, String origin, String reason) {
            return "Invalid value " + shown + " for configuration " + setting.env() + " (property " + setting.property()
                    + ", from " + origin + "): " + reason;
        }
    }
}
