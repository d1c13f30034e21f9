package io.realtimeagents.benchmarks.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import io.realtimeagents.common.json.Json;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Contender A, the ceiling: one thread polls a {@code KafkaConsumer<byte[], byte[]>}, decodes every value into a
 * {@link Reading} with the agent's shared mapper, and counts. It commits nothing.
 */
final class PlainConsumerContender implements Contender {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final String topic;
    private final CpuTime.Clock cpuClock;
    private final ObjectReader reader = Json.mapper().readerFor(Reading.class);

    PlainConsumerContender(String bootstrapServers, String topic, CpuTime.Clock cpuClock) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.cpuClock = cpuClock;
    }

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public Measurement run(String groupId, long records) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        long count = 0;
        long checksum = 0;
        long start = 0;
        CpuTime startCpu = null;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties(groupId))) {
            consumer.subscribe(List.of(topic));
            while (count < records) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL_TIMEOUT);
                if (polled.isEmpty()) {
                    checkDeadline(deadline, count, records);
                    continue;
                }
                if (start == 0) {
                    start = System.nanoTime();
                    startCpu = cpuClock.now();
                }
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    Reading reading = reader.readValue(record.value());
                    checksum += reading.heartRate();
                    if (++count == records) {
                        break;
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            CpuTime cpu = cpuClock.now().since(startCpu);
            return new Measurement(name(), count, nanos, cpu, checksum, ConsumerMetrics.describe(groupId));
        }
    }

    private static void checkDeadline(long deadline, long count, long records) throws TimeoutException {
        if (System.nanoTime() > deadline) {
            throw new TimeoutException(
                    "The plain consumer counted " + count + " of " + records + " records in " + RUN_TIMEOUT);
        }
    }

    private Map<String, Object> properties(String groupId) {
        return properties(bootstrapServers, groupId);
    }

    /**
     * The agent's own consumer defaults where they matter for speed: 1,000 records per poll, no auto-commit; the
     * baselines' consumers start from these.
     */
    static Map<String, Object> properties(String bootstrapServers, String groupId) {
        return new HashMap<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                groupId,
                ConsumerConfig.CLIENT_ID_CONFIG,
                groupId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
    }
}
