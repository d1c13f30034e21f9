package io.realtimeagents.agent.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every partition of a topic from the beginning, without a consumer group, and keeps what it read: for tests
 * that watch an output topic grow. Call {@link #poll()} from an {@code Await} condition.
 */
public final class TopicWatcher implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();

    /** Starts reading {@code topic}, which must exist. */
    public TopicWatcher(String bootstrapServers, String topic) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        consumer.partitionsFor(topic, Duration.ofSeconds(10))
                .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what arrived since the last call (waiting at most a short poll); returns everything read so far. */
    public List<ConsumerRecord<String, String>> poll() {
        consumer.poll(POLL).forEach(records::add);
        return List.copyOf(records);
    }

    /** Reads until every record stored when this is called has been read; returns everything read so far. */
    public List<ConsumerRecord<String, String>> pollToEnd(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!caughtUp(ends)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Could not read " + partitions + " up to " + ends + " within " + timeout);
            }
            poll();
        }
        return List.copyOf(records);
    }

    /** The values read so far. */
    public List<String> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private boolean caughtUp(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
