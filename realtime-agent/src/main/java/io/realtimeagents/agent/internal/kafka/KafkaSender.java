package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.SentRecord;
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

/** The agent's one idempotent producer ({@code acks=all}), shared by user sends, events and dead letters. */
public final class KafkaSender implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final AgentMetrics metrics;

    /** Creates the producer from complete producer properties. */
    public KafkaSender(Map<String, Object> properties, AgentMetrics metrics) {
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.metrics = metrics;
    }

    /** Sends a record; the stage completes when the brokers acknowledged it, or fails with the producer's error. */
    public CompletionStage<SentRecord> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<SentRecord> result = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
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
        } catch (RuntimeException e) {
            metrics.producerError(record.topic());
            result.completeExceptionally(e);
        }
        return result;
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
