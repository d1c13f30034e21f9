package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.RecordSender;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An idempotent producer ({@code acks=all}) of the agent: the one shared by user sends, events and dead letters, or
 * the one of live broadcasts. Its producer can be {@linkplain #replace replaced} (rotated credentials) while sends go
 * on.
 */
public final class KafkaSender implements RecordSender, AutoCloseable {
    private volatile Producer<byte[], byte[]> producer;
    private final AgentMetrics metrics;

    /** Creates the producer from complete producer properties. */
    public KafkaSender(Map<String, Object> properties, AgentMetrics metrics) {
        this.producer = create(properties);
        this.metrics = metrics;
    }

    private static Producer<byte[], byte[]> create(Map<String, Object> properties) {
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Switches to a new producer made from the properties; the old one sends what it holds, then closes. A send that
     * races the switch and finds the old producer closed is sent again with the new one.
     */
    public void replace(Map<String, Object> properties, Duration closeTimeout) {
        Producer<byte[], byte[]> old = producer;
        producer = create(properties);
        old.close(closeTimeout);
    }

    /** Sends a record; the stage completes when the brokers acknowledged it, or fails with the producer's error. */
    @Override
    public CompletionStage<SentRecord> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<SentRecord> result = new CompletableFuture<>();
        Producer<byte[], byte[]> current = producer;
        try {
            send(current, record, result);
        } catch (IllegalStateException e) {
            if (current == producer) {
                metrics.producerError(record.topic());
                result.completeExceptionally(e);
            } else {
                send(producer, record, result); // the producer was replaced while this send started
            }
        } catch (RuntimeException e) {
            metrics.producerError(record.topic());
            result.completeExceptionally(e);
        }
        return result;
    }

    private void send(
            Producer<byte[], byte[]> target,
            ProducerRecord<byte[], byte[]> record,
            CompletableFuture<SentRecord> result) {
        target.send(record, (metadata, error) -> {
            if (error != null) {
                metrics.producerError(record.topic());
                result.completeExceptionally(error);
            } else {
                result.complete(new SentRecord(
                        metadata.topic(),
                        metadata.partition(),
                        metadata.offset(),
                        Instant.ofEpochMilli(metadata.timestamp())));
            }
        });
    }

    /** Sends everything buffered. */
    public void flush() {
        producer.flush();
    }

    /** Flushes and closes, waiting at most the given time. */
    public void close(Duration timeout) {
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }
}
