package io.realtimeagents.agent.internal.delivery;

import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends a Kafka record and completes once the broker acknowledged it: what the dead-letter publisher needs of the
 * agent's producer, declared here so that this package does not depend on the Kafka transport's package.
 */
public interface RecordSender {
    /** Sends a record; the stage fails with the producer's error. */
    CompletionStage<?> send(ProducerRecord<byte[], byte[]> record);
}
