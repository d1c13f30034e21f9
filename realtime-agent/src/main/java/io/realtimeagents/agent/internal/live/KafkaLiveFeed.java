package io.realtimeagents.agent.internal.live;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.live.LiveTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events topic and the live topic for this replica's live clients: its own consumer without a group, so
 * every replica sees every message. It starts {@code LIVE_HISTORY_MAX_AGE} back, filling the history so clients
 * reconnecting to a fresh replica still resume. This replica's own broadcasts usually reach its clients before the feed
 * reads them back (see {@link LiveStream#acceptOwn}); the feed then skips them.
 *
 * <p>It never stops for good: on any error it closes its consumer and, after a backoff doubling from
 * {@value #FIRST_BACKOFF_MILLIS} ms to {@value #MAX_BACKOFF_MILLIS} ms, reads again from the stream's positions (the
 * next offsets it delivered), so clients get neither a gap nor a repeat; {@link LiveFeedHealth} shows it down meanwhile.
 * It follows partitions added to either topic later, from their first offsets: it looks at its consumer's metadata
 * every second, which Kafka refreshes every {@code metadata.max.age.ms} ({@value #METADATA_MAX_AGE_MS} ms for this
 * consumer unless {@code KAFKA_CONSUMER_METADATA_MAX_AGE_MS} says otherwise).
 *
 * <p>Over 300 lines because the consumer, its positions and its recovery are confined to the feed's one thread;
 * split, that confinement would span classes.
 */
final class KafkaLiveFeed implements AutoCloseable {
    /** Header of a broadcast record naming its live topic. */
    static final String LIVE_TOPIC_HEADER = "live_topic";

    /** The wait before the first restart after a failure; it doubles with each failed restart. */
    static final long FIRST_BACKOFF_MILLIS = 100;
    /** The longest wait between restarts. */
    static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How old the feed's view of the topics' partitions may get, unless configured. */
    static final int METADATA_MAX_AGE_MS = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLiveFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_CHECK_MILLIS = 1000;
    /** While the feed stays down, a warning at most this often: the retries themselves log at DEBUG. */
    private static final long REMINDER_MILLIS = 30_000;

    private final AgentConfig config;
    private final LiveStream stream;
    private final LiveMetrics metrics;
    private final LiveFeedHealth health;
    private final String eventsTopic;
    private final String liveTopic;
    private final LiveSourceTopics topics;
    private final Thread thread;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private long backoffMillis = FIRST_BACKOFF_MILLIS; // the feed thread's
    private boolean everRead; // the feed thread's
    private long lastWarnMillis = Long.MIN_VALUE / 2; // the feed thread's: when it last warned of a failure
    private long readingSinceMillis; // the feed thread's: when the current consumer first polled, 0 before

    KafkaLiveFeed(AgentConfig config, LiveStream stream, LiveMetrics metrics, LiveFeedHealth health, String liveTopic) {
        this.config = config;
        this.stream = stream;
        this.metrics = metrics;
        this.health = health;
        this.eventsTopic = config.eventsTopic();
        this.liveTopic = liveTopic;
        this.topics = new LiveSourceTopics(config, eventsTopic, liveTopic);
        this.thread = Thread.ofPlatform().name("live-feed").daemon().unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    private void run() {
        boolean failed = false;
        while (!closed) {
            try {
                if (failed) {
                    health.restarting();
                }
                read();
            } catch (RuntimeException | Error e) {
                if (closed) {
                    return;
                }
                failed = true;
                recover(e);
            }
        }
    }

    /**
     * Records a failure, then waits out the backoff before the next attempt. The backoff starts over only after the
     * feed read for {@value #MAX_BACKOFF_MILLIS} ms, so a fault that recurs right after each restart is retried ever
     * more slowly too.
     */
    private void recover(Throwable error) {
        boolean wasReading = readingSinceMillis > 0;
        if (wasReading && System.currentTimeMillis() - readingSinceMillis >= MAX_BACKOFF_MILLIS) {
            backoffMillis = FIRST_BACKOFF_MILLIS;
        }
        readingSinceMillis = 0;
        long delay = backoffMillis;
        backoffMillis = Math.min(delay * 2, MAX_BACKOFF_MILLIS);
        health.failed(error, delay);
        long now = System.currentTimeMillis();
        if (wasReading) {
            LOG.error("Live delivery feed failed; restarting in {} ms from its last positions", delay, error);
            lastWarnMillis = now;
        } else if (now - lastWarnMillis < REMINDER_MILLIS) {
            LOG.debug("Live delivery feed still down ({}); retrying in {} ms", LiveFeedHealth.describe(error), delay);
        } else if (everRead) {
            lastWarnMillis = now;
            LOG.warn(
                    "Live delivery feed could not restart ({}); retrying in {} ms, reminding at most every {} s",
                    LiveFeedHealth.describe(error),
                    delay,
                    REMINDER_MILLIS / 1000);
        } else {
            lastWarnMillis = now;
            LOG.warn(
                    "Live delivery cannot read the topics {} and {} yet ({}); retrying in {} ms, reminding at most"
                            + " every {} s",
                    eventsTopic,
                    liveTopic,
                    LiveFeedHealth.describe(error),
                    delay,
                    REMINDER_MILLIS / 1000);
        }
        pause(delay);
    }

    /** One consumer's life: positions it, then reads until closed (returns) or an error (throws). */
    private void read() {
        try (KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(properties())) {
            consumer = created;
            if (closed) {
                return;
            }
            try {
                position(created);
                poll(created);
            } finally {
                Thread.interrupted(); // so the consumer closes cleanly: Kafka's InterruptException interrupts again
            }
        }
    }

    /** Assigns every partition, at the stream's positions; on the first start, decides where the stream starts. */
    private void position(KafkaConsumer<byte[], byte[]> source) {
        List<TopicPartition> current = topics.partitions(source, true);
        StreamLayout layout = stream.layout();
        if (layout == null) {
            layout = StreamLayout.of(topics.names(), current);
            stream.startAt(layout, LiveSourceTopics.startOffsets(source, current, stream.historyReach()));
        } else {
            addPartitions(source, layout.missing(current));
        }
        layout = stream.layout();
        source.assign(layout.partitions());
        long[] next = stream.positions();
        for (int i = 0; i < next.length; i++) {
            source.seek(layout.partitions().get(i), next[i]);
        }
        LOG.info("Live delivery reads {} from offsets {}", layout, layout.format(next));
    }

    private Map<String, Object> properties() {
        Map<String, Object> props = KafkaProperties.groupless(config, "live");
        props.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, METADATA_MAX_AGE_MS);
        return props;
    }

    private void poll(KafkaConsumer<byte[], byte[]> source) {
        long nextExpiry = 0;
        long nextCheck = System.currentTimeMillis() + PARTITION_CHECK_MILLIS;
        while (!closed) {
            ConsumerRecords<byte[], byte[]> records = source.poll(POLL);
            if (readingSinceMillis == 0) {
                readingSinceMillis = System.currentTimeMillis();
                everRead = true;
                health.reading();
            }
            for (ConsumerRecord<byte[], byte[]> record : records) {
                int partition = stream.indexOf(record.topic(), record.partition());
                if (partition >= 0) {
                    accept(partition, record);
                }
            }
            long now = System.currentTimeMillis();
            if (now >= nextCheck) {
                follow(source);
                nextCheck = now + PARTITION_CHECK_MILLIS;
            }
            if (now >= nextExpiry) {
                stream.expire(now);
                nextExpiry = now + 1000;
            }
        }
    }

    /** Starts reading partitions added to the topics since the last look, from their first offsets. */
    private void follow(KafkaConsumer<byte[], byte[]> source) {
        List<TopicPartition> added = stream.layout().missing(topics.partitions(source, false));
        if (added.isEmpty()) {
            return;
        }
        addPartitions(source, added);
        source.assign(stream.layout().partitions());
        long[] next = stream.positions();
        for (TopicPartition partition : added) {
            source.seek(partition, next[stream.indexOf(partition.topic(), partition.partition())]);
        }
    }

    private void addPartitions(KafkaConsumer<byte[], byte[]> source, List<TopicPartition> added) {
        if (added.isEmpty()) {
            return;
        }
        long[] start = LiveSourceTopics.firstOffsets(source, added);
        stream.extend(added, start);
        LOG.info(
                "Live delivery follows the partitions {} added since it started, from offsets {}",
                added,
                Arrays.toString(start));
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

    private void pause(long millis) {
        long end = System.currentTimeMillis() + millis;
        synchronized (this) {
            for (long left = millis; !closed && left > 0; left = end - System.currentTimeMillis()) {
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    // a stray interrupt of this thread must not end the feed: only close() does
                }
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
