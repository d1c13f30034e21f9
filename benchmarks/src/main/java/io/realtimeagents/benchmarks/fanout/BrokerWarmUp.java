package io.realtimeagents.benchmarks.fanout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records one at a time through the broker and reads them back before any run, the way the agent's broadcasts
 * travel, so the broker's just-in-time compilation of its produce and fetch paths is not charged to the agent's run
 * (only the agent uses the broker; without this its first run paid several CPU seconds of the broker's warm-up).
 */
final class BrokerWarmUp {
    private static final String TOPIC = "fanout-broker-warm-up";
    private static final int RECORDS = 5_000;

    private BrokerWarmUp() {}

    static void run(String bootstrapServers) throws Exception {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.LINGER_MS_CONFIG,
                                0,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            byte[] value = BenchMessage.json(0, System.nanoTime());
            producer.send(new ProducerRecord<>(TOPIC, value)).get(60, TimeUnit.SECONDS);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int read = 0;
            for (int i = 1; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(TOPIC, value)).get(60, TimeUnit.SECONDS);
                read += consumer.poll(Duration.ZERO).count();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (read < RECORDS && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(100)).count();
            }
        }
    }
}
