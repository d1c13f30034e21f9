package io.realtimeagents.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broker configuration shared by the in-JVM broker and the container: a single node, every internal topic with one
 * replica and one partition, automatic topic creation, and group coordination tuned for tests rather than production
 * (no initial rebalance delay, short heartbeats for the consumer group protocol).
 */
public final class BrokerSettings {
    /** Kafka release the test kit is built and tested with; the container image uses the same release. */
    public static final String KAFKA_VERSION = "4.3.1";

    private BrokerSettings() {}

    /** Broker properties, keyed by their Kafka names, in a stable order. */
    public static Map<String, String> overrides() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("auto.create.topics.enable", "true");
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("group.consumer.min.heartbeat.interval.ms", "100");
        settings.put("group.consumer.heartbeat.interval.ms", "500");
        settings.put("group.consumer.min.session.timeout.ms", "1000");
        settings.put("group.consumer.session.timeout.ms", "10000");
        return settings;
    }

    /**
     * The same properties as environment variables of the {@code apache/kafka} image: {@code KAFKA_} followed by the
     * property name in upper case with dots replaced by underscores.
     */
    public static Map<String, String> asContainerEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        overrides().forEach((key, value) -> environment.put(environmentName(key), value));
        return environment;
    }

    static String environmentName(String property) {
        return "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
