package io.realtimeagents.agent.internal.mqtt;

import io.realtimeagents.agent.MqttHeaders;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.kafka.KafkaSender;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces bridged MQTT messages to Kafka. A lane's consecutive bridged messages are sent together (pipelined, in
 * order, through the idempotent producer), then their acknowledgements ({@code acks=all}) are awaited in order: each
 * message counts as done, so may be acknowledged to the MQTT broker, only when Kafka stored it and every message
 * before it. A failed produce is re-sent with backoff from the first failed message on, never dropped, until it
 * succeeds or the messages' connection is lost (the broker then redelivers them).
 */
final class MqttBridgeForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(MqttBridgeForwarder.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KafkaSender sender;
    private final MqttRoutes routes;
    private final AgentMetrics metrics;

    MqttBridgeForwarder(KafkaSender sender, MqttRoutes routes, AgentMetrics metrics) {
        this.sender = sender;
        this.routes = routes;
        this.metrics = metrics;
    }

    /**
     * Produces the messages in order, calling {@code done} for each once it and all before it are stored.
     *
     * @return true when all are stored; false when stopped first
     */
    boolean forward(List<MqttInbound> messages, StopSignal stop, Consumer<MqttInbound> done) {
        List<Pending> all = messages.stream().map(this::pending).toList();
        int next = 0;
        Duration backoff = FIRST_BACKOFF;
        while (next < all.size()) {
            List<CompletableFuture<SentRecord>> sends = new ArrayList<>();
            for (int i = next; i < all.size(); i++) {
                sends.add(sender.send(all.get(i).record()).toCompletableFuture());
            }
            int failedAt = awaitInOrder(all, next, sends, done);
            if (failedAt < 0) {
                return true;
            }
            if (stop.awaitStop(backoff)) {
                return false;
            }
            all.get(failedAt).meters().retried();
            next = failedAt;
            backoff = Backoff.doubled(backoff, MAX_BACKOFF);
        }
        return true;
    }

    /** Waits for the sends in order; returns the index of the first failed one, or -1 when all succeeded. */
    private int awaitInOrder(
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
                return from + i;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return from + i;
            }
        }
        return -1;
    }

    private Pending pending(MqttInbound message) {
        String type = messageType(message);
        AgentMetrics.MessageMeters meters =
                metrics.forMessages("mqtt", message.metricsTopic(), type == null ? AgentMetrics.UNKNOWN_TYPE : type);
        return new Pending(message, toRecord(message, type), meters, System.nanoTime());
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

    private record Pending(
            MqttInbound message,
            ProducerRecord<byte[], byte[]> record,
            AgentMetrics.MessageMeters meters,
            long start) {}
}
