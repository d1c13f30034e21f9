package io.realtimeagents.testkit.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning of every partition, without a consumer group, until enough matching records have
 * arrived or a deadline passes. Each read uses its own short-lived consumer.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class RecordReader<K, V> {
    private static final Duration MAX_POLL = Duration.ofMillis(100);
    private static final Duration MAX_METADATA_WAIT = Duration.ofSeconds(1);
    private static final Duration TOPIC_RETRY = Duration.ofMillis(50);

    private final String bootstrapServers;
    private final String clientId;
    private final Supplier<Deserializer<K>> keys;
    private final Supplier<Deserializer<V>> values;

    private RecordReader(
            String bootstrapServers,
            String clientId,
            Supplier<Deserializer<K>> keys,
            Supplier<Deserializer<V>> values) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.keys = keys;
        this.values = values;
    }

    /** A reader of UTF-8 string keys and values. */
    public static RecordReader<String, String> strings(String bootstrapServers, String clientId) {
        return new RecordReader<>(bootstrapServers, clientId, StringDeserializer::new, StringDeserializer::new);
    }

    /** A reader of raw keys and values. */
    public static RecordReader<byte[], byte[]> bytes(String bootstrapServers, String clientId) {
        return new RecordReader<>(bootstrapServers, clientId, ByteArrayDeserializer::new, ByteArrayDeserializer::new);
    }

    /**
     * Returns the first {@code count} records that satisfy {@code match}, in the order they were read.
     *
     * @param what the records counted, for the failure message: {@code "records"} or {@code "matching records"}
     * @throws AssertionError if fewer arrived within {@code timeout}; the message says how many of how many arrived,
     *     on which topic, and lists up to the first five records read
     */
    public List<ConsumerRecord<K, V>> read(
            String topic, Predicate<? super ConsumerRecord<K, V>> match, int count, Duration timeout, String what) {
        Checks.topicName(topic, "topic");
        Checks.notNull(match, "match");
        Checks.positive(count, "count");
        Checks.positive(timeout, "timeout");
        ReadProgress<K, V> progress = new ReadProgress<>(match, count);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<K, V> consumer =
                new KafkaConsumer<>(ClientProperties.reader(bootstrapServers, clientId), keys.get(), values.get())) {
            boolean assigned = false;
            while (!progress.done() && System.nanoTime() - deadline < 0) {
                if (assigned) {
                    consumer.poll(remaining(deadline, MAX_POLL)).forEach(progress::add);
                } else {
                    assigned = assignAll(consumer, topic, deadline);
                }
            }
            if (!progress.done()) {
                throw new AssertionError(progress.failureMessage(topic, timeout, what, assigned));
            }
        }
        return progress.matches();
    }

    private boolean assignAll(KafkaConsumer<K, V> consumer, String topic, long deadline) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            consumer.partitionsFor(topic, remaining(deadline, MAX_METADATA_WAIT))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        } catch (TimeoutException e) {
            return false; // the broker did not answer yet: try again until the deadline
        }
        if (partitions.isEmpty()) {
            LockSupport.parkNanos(TOPIC_RETRY.toNanos()); // the topic does not exist yet
            return false;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return true;
    }

    /** The time left until {@code deadline}, at least one millisecond and at most {@code cap}. */
    private static Duration remaining(long deadline, Duration cap) {
        long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        return Duration.ofMillis(Math.max(1, Math.min(cap.toMillis(), remainingMillis)));
    }
}
