package io.realtimeagents.examples.health;

import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads back the alerts published to the alerts topic over a recent window, so a (re)starting agent knows which
 * episodes are still open: Kafka is the agent's memory. Uses the agent's own connection settings (bootstrap servers,
 * and any security properties given as {@code KAFKA_CONSUMER_*}), outside any consumer group.
 */
final class AlertLog {
    private static final Logger LOG = LoggerFactory.getLogger(AlertLog.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private AlertLog() {}

    /**
     * Passes each alert published in the window, oldest first per patient, to the consumer; returns how many.
     * Alerts that cannot be read are skipped with a warning.
     */
    static int replay(AgentConfig config, String topic, Duration window, Consumer<Alert> alerts) {
        Map<String, Object> properties = new HashMap<>(config.kafkaConsumerProperties());
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, DEADLINE)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            seekToWindow(consumer, partitions, window);
            return read(consumer, end, alerts);
        }
    }

    private static void seekToWindow(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions, Duration window) {
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = Instant.now().minus(window).toEpochMilli();
        partitions.forEach(partition -> since.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(since);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            if (at == null) {
                consumer.seekToEnd(List.of(partition));
            } else {
                consumer.seek(partition, at.offset());
            }
        }
    }

    private static int read(
            KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end, Consumer<Alert> alerts) {
        int count = 0;
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                try {
                    alerts.accept(Alert.fromWire(Json.tree(record.value())));
                    count++;
                } catch (RuntimeException e) {
                    LOG.warn(
                            "Skipping unreadable alert at {}-{}@{}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            e.getMessage());
                }
            }
        }
        return count;
    }

    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
