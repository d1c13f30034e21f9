package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.DeadLetterHeaders;
import io.realtimeagents.agent.MqttHeaders;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.kafka.KafkaSender;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.handler.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces bridged MQTT messages to Kafka. A lane's consecutive bridged messages are sent together (pipelined, in
 * order, through the idempotent producer), then their acknowledgements ({@code acks=all}) are awaited in order: each
 * message counts as done, so may be acknowledged to the MQTT broker, only when Kafka stored it and every message
 * before it. A failed produce is re-sent with backoff from the first failed message on, until it succeeds or the
 * messages' connection is lost (the broker then redelivers them). A message failing with an error that retrying
 * cannot fix ({@link #canNeverSucceed}) is retried like a failed handler (the retry policy's attempts and backoff),
 * then written to the MQTT dead-letter topic and counted as done, so the messages after it keep flowing.
 */
final class MqttBridgeForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridgeForwarder.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaSender sender;
    private final MqttRoutes routes;
    private final AgentMetrics metrics;
    private final Failures failures;

    MqttBridgeForwarder(KafkaSender sender, MqttRoutes routes, AgentMetrics metrics, Failures failures) {
        this.sender = sender;
        this.routes = routes;
        this.metrics = metrics;
        this.failures = failures;
    }

    /**
     * What happens to records Kafka refuses for good.
     *
     * @param retries attempts and backoff before such a record is dead-lettered
     * @param deadLetters writes the dead letters
     */
    record Failures(RetryPolicy retries, MessageDispatcher deadLetters) {}

    /**
     * Whether a produce error can never succeed on retry: the record is too large, the topic is not authorised, does
     * not exist (with topic auto-creation off, the producer reports it as "not present in metadata") or is invalid.
     */
    static boolean canNeverSucceed(Throwable error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof TopicAuthorizationException
                || error instanceof InvalidTopicException
                || error instanceof UnknownTopicOrPartitionException
                || (error instanceof org.apache.kafka.common.errors.TimeoutException
                        && String.valueOf(error.getMessage()).contains("not present in metadata"));
    }

    /**
     * Produces the messages in order, calling {@code done} for each once it and all before it are stored.
     *
     * @return true when all are stored; false when stopped first
     */
    boolean forward(List<MqttInbound> messages, StopSignal stop, Consumer<MqttInbound> done) {
        List<Pending> all = messages.stream().map(this::pending).toList();
        int next = 0;
        boolean alone = false; // a refused record is retried on its own, the ones after it wait for its outcome
        Duration backoff = FIRST_BACKOFF;
        while (next < all.size()) {
            int end = alone ? next + 1 : all.size();
            List<CompletableFuture<SentRecord>> sends = new ArrayList<>();
            for (int i = next; i < end; i++) {
                sends.add(sender.send(all.get(i).record()).toCompletableFuture());
            }
            Failure failure = awaitInOrder(all, next, sends, done);
            alone = false;
            if (failure == null) {
                next = end;
                continue;
            }
            Pending failed = all.get(failure.index());
            Duration wait;
            if (canNeverSucceed(failure.error())) {
                failed.permanentFailures++;
                if (!failures.retries().shouldRetry(failed.permanentFailures)) {
                    if (!giveUp(failed, failure.error(), stop)) {
                        return false;
                    }
                    done.accept(failed.message());
                    next = failure.index() + 1;
                    continue;
                }
                wait = failures.retries().backoffAfter(failed.permanentFailures);
                alone = true;
            } else {
                wait = backoff;
                backoff = Backoff.doubled(backoff, MAX_BACKOFF);
            }
            if (stop.awaitStop(wait)) {
                return false;
            }
            failed.meters().retried();
            next = failure.index();
        }
        return true;
    }

    private boolean giveUp(Pending failed, Throwable error, StopSignal stop) {
        LOG.warn(
                "Giving up on {}: Kafka topic {} refused it {} time(s): {}",
                failed.message().describe(),
                failed.record().topic(),
                failed.permanentFailures,
                error.toString());
        return failures.deadLetters()
                .fail(
                        failed.message(),
                        failed.type(),
                        DeadLetterHeaders.REASON_BRIDGE,
                        error,
                        failed.permanentFailures,
                        stop);
    }

    /** Waits for the sends in order; returns the first failed one, or null when all succeeded. */
    private Failure awaitInOrder(
            List<Pending> all, int from, List<CompletableFuture<SentRecord>> sends, Consumer<MqttInbound> done) {
        for (int i = 0; i < sends.size(); i++) {
            Pending pending = all.get(from + i);
            try {
                sends.get(i).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                pending.meters().processed(System.nanoTime() - pending.start());
                done.accept(pending.message());
            } catch (ExecutionException | TimeoutException e) {
                pending.meters().failed(System.nanoTime() - pending.start());
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                LOG.warn(
                        "Cannot bridge {} to Kafka topic {}: {}; sending it and the {} after it again",
                        pending.message().describe(),
                        pending.record().topic(),
                        cause.toString(),
                        sends.size() - i - 1);
                return new Failure(from + i, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Failure(from + i, e);
            }
        }
        return null;
    }

    private Pending pending(MqttInbound message) {
        String type = messageType(message);
        AgentMetrics.MessageMeters meters =
                metrics.forMessages("mqtt", message.metricsTopic(), type == null ? AgentMetrics.UNKNOWN_TYPE : type);
        return new Pending(message, type, toRecord(message, type), meters, System.nanoTime());
    }

    private String messageType(MqttInbound message) {
        String type = message.header(MqttHeaders.MESSAGE_TYPE);
        return type != null && !type.isBlank() ? type : routes.typeOf(message.topic());
    }

    private static ProducerRecord<byte[], byte[]> toRecord(MqttInbound message, String type) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(message.route().bridge().kafkaTopic(), null, message.key(), message.value());
        message.forEachHeader((name, value) -> {
            if (!name.equals(MqttHeaders.MESSAGE_TYPE)) {
                record.headers().add(name, value);
            }
        });
        add(record, MqttHeaders.TOPIC, message.topic());
        add(record, MqttHeaders.QOS, Integer.toString(message.qos()));
        if (type != null) {
            add(record, MqttHeaders.MESSAGE_TYPE, type);
        }
        return record;
    }

    private static void add(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The first failed send of a pipelined run. */
    private record Failure(int index, Throwable error) {}

    /** A message being bridged, with its record and how often Kafka refused it for good. */
    private static final class Pending {
        private final MqttInbound message;
        private final String type;
        private final ProducerRecord<byte[], byte[]> record;
        private final AgentMetrics.MessageMeters meters;
        private final long start;
        private int permanentFailures;

        Pending(
                MqttInbound message,
                String type,
                ProducerRecord<byte[], byte[]> record,
                AgentMetrics.MessageMeters meters,
                long start) {
            this.message = message;
            this.type = type;
            this.record = record;
            this.meters = meters;
            this.start = start;
        }

        MqttInbound message() {
            return message;
        }

        String type() {
            return type;
        }

        ProducerRecord<byte[], byte[]> record() {
            return record;
        }

        AgentMetrics.MessageMeters meters() {
            return meters;
        }

        long start() {
            return start;
        }
    }
}
