package io.realtimeagents.testkit.internal;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client configurations of the test kit: every blocking call is bounded, nothing is created as a side effect. */
public final class ClientProperties {
    private ClientProperties() {}

    /** An idempotent producer that waits for all in-sync replicas and sends without lingering. */
    public static Map<String, Object> producer(String bootstrapServers, String clientId) {
        Map<String, Object> properties = common(bootstrapServers, clientId);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return properties;
    }

    /** A consumer without a group that reads assigned partitions and never creates topics. */
    public static Map<String, Object> reader(String bootstrapServers, String clientId) {
        Map<String, Object> properties = common(bootstrapServers, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return properties;
    }

    /** An admin client whose calls give up after 30 seconds. */
    public static Map<String, Object> admin(String bootstrapServers, String clientId) {
        Map<String, Object> properties = common(bootstrapServers, clientId);
        properties.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return properties;
    }

    private static Map<String, Object> common(String bootstrapServers, String clientId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return properties;
    }
}
