package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes failed records to their dead-letter topic and waits for the acknowledgement, retrying until it succeeds or
 * the partition is stopped: the original offset is committed only after the dead letter is safely stored.
 */
final class DeadLetterPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final int MAX_ERROR_MESSAGE = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaSender sender;
    private final UnaryOperator<String> deadLetterTopics;
    private final String serviceName;
    private final AgentMetrics metrics;

    DeadLetterPublisher(
            KafkaSender sender, UnaryOperator<String> deadLetterTopics, String serviceName, AgentMetrics metrics) {
        this.sender = sender;
        this.deadLetterTopics = deadLetterTopics;
        this.serviceName = serviceName;
        this.metrics = metrics;
    }

    /**
     * Publishes the dead letter of a record.
     *
     * @return true once stored; false when stopped before it could be stored
     */
    boolean publish(DeadLetter letter, StopSignal stop) {
        ProducerRecord<byte[], byte[]> record = toRecord(letter);
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                sender.send(record).toCompletableFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                metrics.deadLettered("kafka", letter.source().topic(), letter.messageType(), letter.reason());
                return true;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.error(
                        "Cannot write the dead letter of {}-{}@{} to topic {}: {}; retrying in {} ms",
                        letter.source().topic(),
                        letter.source().partition(),
                        letter.source().offset(),
                        record.topic(),
                        cause.toString(),
                        backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (stop.awaitStop(backoff)) {
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private ProducerRecord<byte[], byte[]> toRecord(DeadLetter letter) {
        ConsumerRecord<byte[], byte[]> source = letter.source();
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(deadLetterTopics.apply(source.topic()), null, source.key(), source.value());
        for (Header header : source.headers()) {
            if (!header.key().startsWith("dlq.")) {
                record.headers().add(header);
            }
        }
        add(record, DeadLetterHeaders.ORIGINAL_TOPIC, source.topic());
        add(record, DeadLetterHeaders.ORIGINAL_PARTITION, Integer.toString(source.partition()));
        add(record, DeadLetterHeaders.ORIGINAL_OFFSET, Long.toString(source.offset()));
        if (letter.messageType() != null) {
            add(record, DeadLetterHeaders.MESSAGE_TYPE, letter.messageType());
        }
        add(record, DeadLetterHeaders.REASON, letter.reason());
        add(record, DeadLetterHeaders.ERROR_CLASS, letter.error().getClass().getName());
        add(
                record,
                DeadLetterHeaders.ERROR_MESSAGE,
                truncate(String.valueOf(letter.error().getMessage())));
        add(record, DeadLetterHeaders.ATTEMPTS, Integer.toString(letter.attempts()));
        add(record, DeadLetterHeaders.SERVICE, serviceName);
        add(record, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        return record;
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
    }

    /**
     * A record that failed.
     *
     * @param source the consumed record
     * @param messageType its message or event type, null when unknown
     * @param reason one of the {@code REASON_*} values of {@link DeadLetterHeaders}
     * @param error the last error
     * @param attempts handler attempts made (0 when never handled)
     */
    record DeadLetter(
            ConsumerRecord<byte[], byte[]> source, String messageType, String reason, Throwable error, int attempts) {}
}
