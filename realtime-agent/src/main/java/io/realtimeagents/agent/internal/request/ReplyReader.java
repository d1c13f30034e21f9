package io.realtimeagents.agent.internal.request;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads this instance's partition of the shared reply topic, outside any consumer group ({@code assign}), from its end
 * at start, and hands each reply to the {@link PendingRequests}. The partition is {@code hash(instanceId) mod
 * partitions}; other instances may share it and skip the replies addressed to this one.
 */
final class ReplyReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyReader.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final PendingRequests pending;
    private final Thread thread;
    private volatile boolean running = true;

    private ReplyReader(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, PendingRequests pending) {
        this.consumer = consumer;
        this.partition = partition;
        this.pending = pending;
        this.thread = Thread.ofPlatform().daemon().name("realtime-replies").unstarted(this::run);
    }

    /**
     * Creates the reply topic when it is missing, picks this instance's partition, positions the reader at its end
     * (so a reply to a request made after this returns is never missed) and starts reading.
     *
     * @throws RealtimeAgentException when the reply topic cannot be created or read
     */
    static ReplyReader start(AgentConfig config, String topic, String instanceId, PendingRequests pending) {
        TopicCreation.ensure(config, topic, TopicCreation.REPLY_PARTITIONS);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaProperties.groupless(config, "replies"));
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                throw new RealtimeAgentException("The reply topic " + topic + " (AGENT_REPLY_TOPIC) has no partitions:"
                        + " check that the brokers allow this agent to describe and read it");
            }
            TopicPartition mine = new TopicPartition(topic, Math.floorMod(instanceId.hashCode(), partitions.size()));
            consumer.assign(List.of(mine));
            consumer.seekToEnd(List.of(mine));
            consumer.position(mine, Duration.ofSeconds(10)); // resolves the end now, before any request is sent
            ReplyReader reader = new ReplyReader(consumer, mine, pending);
            reader.thread.start();
            LOG.info("Reading replies to this instance's requests on {}", mine);
            return reader;
        } catch (RuntimeException e) {
            consumer.close();
            throw e instanceof RealtimeAgentException known
                    ? known
                    : new RealtimeAgentException(
                            "Cannot read the reply topic " + topic + " (AGENT_REPLY_TOPIC): " + e.getMessage(), e);
        }
    }

    /** The partition of the reply topic this instance reads. */
    TopicPartition partition() {
        return partition;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
                    accept(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("The reader of replies on {} stopped; pending requests will time out", partition, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        ReplyEnvelope reply;
        try {
            reply = record.value() == null ? null : Json.decode(record.value(), ReplyEnvelope.class);
        } catch (RuntimeException e) {
            LOG.debug("Undecodable reply at {}@{}: {}", partition, record.offset(), e.toString());
            pending.undecodable();
            return;
        }
        pending.complete(reply);
    }

    /** Stops reading. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
