package io.realtimeagents.agent.internal.delivery;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes failed messages to their dead-letter topic and waits for the acknowledgement, retrying until it succeeds or
 * the message's partition (or connection) is stopped: the original is committed or acknowledged only after its dead
 * letter is safely stored. A dead letter too large for its topic is written again without the original value and
 * headers, marked {@link DeadLetterHeaders#PAYLOAD_OMITTED}.
 */
public final class DeadLetterPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    private static final int MAX_ERROR_MESSAGE = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final RecordSender sender;
    private final UnaryOperator<String> deadLetterTopics;
    private final String serviceName;
    private final AgentMetrics metrics;

    /**
     * @param sender the agent's producer
     * @param deadLetterTopics the dead-letter topic of a message's topic
     * @param serviceName the service named in {@code dlq.service}
     * @param metrics where dead letters are counted
     */
    public DeadLetterPublisher(
            RecordSender sender, UnaryOperator<String> deadLetterTopics, String serviceName, AgentMetrics metrics) {
        this.sender = sender;
        this.deadLetterTopics = deadLetterTopics;
        this.serviceName = serviceName;
        this.metrics = metrics;
    }

    /**
     * Publishes the dead letter of a message.
     *
     * @return true once stored; false when stopped before it could be stored
     */
    public boolean publish(DeadLetter letter, StopSignal stop) {
        ProducerRecord<byte[], byte[]> record = toRecord(letter, false);
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                sender.send(record).toCompletableFuture().get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                InboundMessage source = letter.source();
                metrics.deadLettered(source.transport(), source.metricsTopic(), letter.messageType(), letter.reason());
                return true;
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof RecordTooLargeException && record.value() != null) {
                    LOG.warn(
                            "The dead letter of {} is too large for topic {}: writing it without its value ({} bytes)"
                                    + " and original headers",
                            letter.source().describe(),
                            record.topic(),
                            record.value().length);
                    record = toRecord(letter, true);
                    continue;
                }
                LOG.error(
                        "Cannot write the dead letter of {} to topic {}: {}; retrying in {} ms",
                        letter.source().describe(),
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
            backoff = Backoff.doubled(backoff, MAX_BACKOFF);
        }
    }

    /** The dead-letter record; without the original value and headers when {@code omitPayload}. */
    private ProducerRecord<byte[], byte[]> toRecord(DeadLetter letter, boolean omitPayload) {
        InboundMessage source = letter.source();
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(
                deadLetterTopics.apply(source.topic()), null, source.key(), omitPayload ? null : source.value());
        if (omitPayload) {
            add(record, DeadLetterHeaders.PAYLOAD_OMITTED, Integer.toString(length(source.value())));
        } else {
            source.forEachHeader((name, value) -> {
                if (!name.startsWith("dlq.")) {
                    record.headers().add(name, value);
                }
            });
        }
        source.origin().forEach((name, value) -> add(record, name, value));
        if (letter.messageType() != null) {
            add(record, DeadLetterHeaders.MESSAGE_TYPE, letter.messageType());
        }
        add(record, DeadLetterHeaders.REASON, letter.reason());
        Throwable error = letter.error();
        if (error instanceof OutputFailedException output && output.getCause() != null) {
            add(record, DeadLetterHeaders.OUTPUT, output.target());
            error = output.getCause();
        }
        add(record, DeadLetterHeaders.ERROR_CLASS, error.getClass().getName());
        add(record, DeadLetterHeaders.ERROR_MESSAGE, truncate(String.valueOf(error.getMessage())));
        add(record, DeadLetterHeaders.ATTEMPTS, Integer.toString(letter.attempts()));
        add(record, DeadLetterHeaders.SERVICE, serviceName);
        add(record, DeadLetterHeaders.FAILED_AT, Instant.now().toString());
        return record;
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE - 3) + "...";
    }

    /**
     * A message that failed.
     *
     * @param source the message
     * @param messageType its message or event type, null when unknown
     * @param reason one of the {@code REASON_*} values of {@link DeadLetterHeaders}
     * @param error the last error
     * @param attempts handler attempts made (0 when never handled)
     */
    public record DeadLetter(InboundMessage source, String messageType, String reason, Throwable error, int attempts) {}
}
