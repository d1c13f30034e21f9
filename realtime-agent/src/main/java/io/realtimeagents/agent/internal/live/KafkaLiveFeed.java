package io.realtimeagents.agent.internal.live;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.live.LiveTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events topic and the live topic for this replica's live clients: its own consumer without a group, so
 * every replica sees every message. It starts {@code LIVE_HISTORY_MAX_AGE} back, filling the history so clients
 * reconnecting to a fresh replica still resume. This replica's own broadcasts usually reach its clients before the feed
 * reads them back (see {@link LiveStream#acceptOwn}); the feed then skips them.
 */
final class KafkaLiveFeed implements AutoCloseable {
    /** Header of a broadcast record naming its live topic. */
    static final String LIVE_TOPIC_HEADER = "live_topic";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long RETRY_MILLIS = 2000;

    private final AgentConfig config;
    private final LiveStream stream;
    private final LiveMetrics metrics;
    private final String eventsTopic;
    private final String liveTopic;
    private final Thread thread;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Map<TopicPartition, Integer> index = Map.of();

    KafkaLiveFeed(AgentConfig config, LiveStream stream, LiveMetrics metrics, String liveTopic) {
        this.config = config;
        this.stream = stream;
        this.metrics = metrics;
        this.eventsTopic = config.eventsTopic();
        this.liveTopic = liveTopic;
        this.thread = Thread.ofPlatform().name("live-feed").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(KafkaProperties.groupless(config, "live"))) {
            consumer = created;
            if (closed) {
                return;
            }
            List<TopicPartition> layout = awaitLayout(created);
            if (layout == null) {
                return;
            }
            created.assign(layout);
            long[] resumed = stream.positions();
            boolean resuming = resumed != null && resumed.length == layout.size();
            long[] start = resuming ? resumed : startOffsets(created, layout);
            for (int i = 0; i < layout.size(); i++) {
                created.seek(layout.get(i), start[i]);
            }
            if (!resuming) {
                stream.startAt(start);
            }
            LOG.info("Live delivery reads {} from offsets {}", layout, StreamPosition.format(start));
            Map<TopicPartition, Integer> positions = new HashMap<>();
            for (int i = 0; i < layout.size(); i++) {
                positions.put(layout.get(i), i);
            }
            index = Map.copyOf(positions);
            poll(created, positions);
        } catch (WakeupException e) {
            if (!closed) {
                LOG.error("Live delivery feed stopped unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("Live delivery feed stopped: live clients receive nothing more until the agent restarts", e);
        } finally {
            index = Map.of();
        }
    }

    /**
     * The stream's index of a source partition, or -1 while the feed does not read it (before it knows the partitions,
     * or a partition it does not read).
     */
    int indexOf(String topic, int partition) {
        Integer at = index.get(new TopicPartition(topic, partition));
        return at == null ? -1 : at;
    }

    private void poll(KafkaConsumer<byte[], byte[]> source, Map<TopicPartition, Integer> positions) {
        long nextExpiry = 0;
        while (!closed) {
            ConsumerRecords<byte[], byte[]> records = source.poll(POLL);
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Integer partition = positions.get(new TopicPartition(record.topic(), record.partition()));
                if (partition != null) {
                    accept(partition, record);
                }
            }
            long now = System.currentTimeMillis();
            if (now >= nextExpiry) {
                stream.expire(now);
                nextExpiry = now + 1000;
            }
        }
    }

    private void accept(int partition, ConsumerRecord<byte[], byte[]> record) {
        boolean event = record.topic().equals(eventsTopic);
        String topic = event ? eventTopic(record) : header(record, LIVE_TOPIC_HEADER);
        LiveStream.Outcome outcome = topic == null || !LiveTopics.isValid(topic)
                ? LiveStream.Outcome.INVALID
                : stream.accept(
                        partition,
                        record.offset(),
                        record.timestamp(),
                        event ? Kind.EVENT : Kind.BROADCAST,
                        topic,
                        record.value());
        switch (outcome) {
            case DELIVERED -> metrics.fed(event ? "event" : "broadcast");
            case INVALID -> {
                stream.skip(partition, record.offset());
                metrics.fed("invalid");
                LOG.debug(
                        "Skipped {}-{}@{}: no valid live topic or not JSON",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
            case SKIPPED -> {
                // a broadcast of this replica, delivered when Kafka acknowledged it
            }
        }
    }

    private static String eventTopic(ConsumerRecord<byte[], byte[]> record) {
        String type = header(record, KafkaRuntime.EVENT_TYPE_HEADER);
        if (type != null || record.value() == null) {
            return type;
        }
        try {
            return Json.tree(record.value()).path("event_type").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The partitions of both topics, in a fixed order; creates missing topics with the broker's defaults. */
    private List<TopicPartition> awaitLayout(KafkaConsumer<byte[], byte[]> source) {
        boolean warned = false;
        while (!closed) {
            try {
                createMissingTopics();
                List<TopicPartition> layout = new ArrayList<>();
                for (String topic : List.of(eventsTopic, liveTopic)) {
                    List<PartitionInfo> infos = source.partitionsFor(topic, Duration.ofSeconds(5));
                    infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .sorted(Comparator.comparingInt(TopicPartition::partition))
                            .forEach(layout::add);
                    if (infos.isEmpty()) {
                        throw new IllegalStateException("topic " + topic + " does not exist");
                    }
                }
                return layout;
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!warned) {
                    LOG.warn(
                            "Live delivery waits for the topics {} and {} ({}); retrying every {} ms",
                            eventsTopic,
                            liveTopic,
                            e.getMessage(),
                            RETRY_MILLIS);
                    warned = true;
                }
                pause();
            }
        }
        return null;
    }

    private void createMissingTopics() {
        try (Admin admin = Admin.create(KafkaProperties.admin(config))) {
            var existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : List.of(eventsTopic, liveTopic)) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, Optional.empty(), Optional.empty()));
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
                LOG.info(
                        "Created the topics {}",
                        missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create them: " + e.getCause().getMessage(), e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private long[] startOffsets(KafkaConsumer<byte[], byte[]> source, List<TopicPartition> layout) {
        Map<TopicPartition, Long> end = source.endOffsets(layout);
        long[] start = new long[layout.size()];
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = System.currentTimeMillis() - stream.historyReach();
        layout.forEach(partition -> since.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> found =
                stream.historyReach() > 0 ? source.offsetsForTimes(since) : Map.of();
        for (int i = 0; i < layout.size(); i++) {
            OffsetAndTimestamp at = found.get(layout.get(i));
            start[i] = at == null ? end.get(layout.get(i)) : at.offset();
        }
        return start;
    }

    private void pause() {
        synchronized (this) {
            try {
                wait(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
