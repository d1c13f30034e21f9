package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Fills the benchmark topic with {@link Reading#sample} JSON records, keyed by patient id. */
final class ReadingProducer {
    /**
     * What was produced.
     *
     * @param records how many records
     * @param bytes the total size of their values
     * @param nanos how long producing took, until every record was acknowledged
     * @param checksum the sum of their heart rates
     */
    record Produced(long records, long bytes, long nanos, long checksum) {}

    private ReadingProducer() {}

    /**
     * Produces {@code count} readings with an idempotent, batching producer and waits until all are acknowledged.
     *
     * @throws IllegalStateException when the broker rejected a record
     */
    static Produced produce(String bootstrapServers, String topic, long count) {
        return produce(bootstrapServers, topic, count, Reading.PATIENTS);
    }

    /**
     * Produces {@code count} readings of {@code keys} patients ({@link Reading#sample(long, int)}) and waits until all
     * are acknowledged.
     *
     * @throws IllegalStateException when the broker rejected a record
     */
    static Produced produce(String bootstrapServers, String topic, long count, int keys) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long checksum = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties(bootstrapServers, 10))) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                Reading reading = Reading.sample(i, keys);
                byte[] value = Json.encode(reading);
                bytes += value.length;
                checksum += reading.heartRate();
                byte[] key = reading.patientId().getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "Producing the benchmark records to " + topic + " failed: " + failure.get(), failure.get());
        }
        return new Produced(count, bytes, System.nanoTime() - start, checksum);
    }

    /** An idempotent producer ({@code acks=all}) that batches records for up to {@code lingerMs}. */
    static Map<String, Object> properties(String bootstrapServers, int lingerMs) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "benchmark-producer",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG,
                128L * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "none",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class);
    }
}
