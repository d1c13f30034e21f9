package io.realtimeagents.agent.internal.mesh;

import io.micrometer.core.instrument.Counter;
import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.common.config.AgentConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the registry topic into the view, on a thread of its own: a consumer without a group that assigns every
 * partition and reads from the beginning, so every agent sees every card. After each poll (at most {@code tick}
 * apart) it drops the instances whose lease passed. It has caught up once it read up to the end offsets it found at
 * the start. A record that does not decode is skipped and counted. On any other error it closes its consumer and
 * starts over from the beginning after a backoff doubling from 100 ms to 5 s; the view keeps its instances
 * meanwhile, and records read again only renew what they announced.
 */
final class RegistryReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryReader.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5000;

    private final AgentConfig config;
    private final String topic;
    private final RegistryView view;
    private final Counter invalid;
    private final Duration tick;
    private final Consumer<List<AgentInstance>> onExpired;
    private final Thread thread;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CompletableFuture<Void> topicReady = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile boolean caughtUp;
    private volatile String problem;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param invalid counts the records that do not decode
     * @param tick the longest time between two expiry checks
     * @param onExpired told of the instances whose lease passed, once the reader caught up
     */
    RegistryReader(
            AgentConfig config,
            String topic,
            RegistryView view,
            Counter invalid,
            Duration tick,
            Consumer<List<AgentInstance>> onExpired) {
        this.config = config;
        this.topic = topic;
        this.view = view;
        this.invalid = invalid;
        this.tick = tick;
        this.onExpired = onExpired;
        this.thread = Thread.ofPlatform().name("agent-registry").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /**
     * Completes once the registry topic exists (created compacted when it was missing), so that no announcement makes
     * the broker create it with its defaults first.
     */
    CompletableFuture<Void> topicReady() {
        return topicReady;
    }

    /** Whether the view holds everything the topic held when the reader started. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Why the reader is not reading now, or null. */
    String problem() {
        return problem;
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            try {
                read();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                problem = "the agent registry view cannot read " + topic + " (" + e.getMessage() + "); retrying";
                LOG.debug("Agent registry reader failed; retrying in {} ms", backoff, e);
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private void read() {
        try (KafkaConsumer<byte[], byte[]> created =
                new KafkaConsumer<>(KafkaProperties.groupless(config, "registry"))) {
            consumer = created;
            if (closed) {
                return;
            }
            RegistryTopic.ensure(config, topic);
            topicReady.complete(null);
            List<PartitionInfo> infos = created.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("the topic does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            created.assign(partitions);
            created.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = created.endOffsets(partitions);
            problem = null;
            while (!closed) {
                created.poll(tick).forEach(this::apply);
                if (!caughtUp && partitions.stream().allMatch(p -> created.position(p) >= end.get(p))) {
                    caughtUp = true;
                    LOG.info(
                            "Agent registry view caught up with {}: {} live instances",
                            topic,
                            view.instances().size());
                }
                List<AgentInstance> expired = view.expire();
                if (caughtUp && !expired.isEmpty()) {
                    onExpired.accept(expired);
                }
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            skip(record, "it has no key");
            return;
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            view.remove(key);
            return;
        }
        try {
            view.announce(AgentCardCodec.decode(key, record.value()), record.timestamp());
        } catch (IllegalArgumentException e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String reason) {
        invalid.increment();
        LOG.warn(
                "Skipped the agent registry record at {}-{} offset {}: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason);
    }

    private void pause(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops reading and waits for the thread, at most the timeout. */
    void close(Duration timeout) {
        closed = true;
        closing.countDown(); // ends a pause; a poll is woken up instead, so the consumer closes uninterrupted
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
