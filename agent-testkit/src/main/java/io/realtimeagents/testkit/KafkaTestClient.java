package io.realtimeagents.testkit;

import io.realtimeagents.testkit.internal.Checks;
import io.realtimeagents.testkit.internal.ClientProperties;
import io.realtimeagents.testkit.internal.GroupOffsets;
import io.realtimeagents.testkit.internal.RecordReader;
import io.realtimeagents.testkit.internal.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Test helpers bound to one broker: unique topics, synchronous sends, reads with deadlines and consumer group
 * offsets. Create one per test with {@link #create(KafkaBroker)} (or let {@link WithKafka} inject it) and close it
 * afterwards; closing the client leaves the broker running.
 */
public final class KafkaTestClient implements AutoCloseable {
    /** Upper bound for admin calls; reads take their own timeout. */
    public static final Duration DEFAULT_ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicLong CLIENTS = new AtomicLong();
    private static final AtomicLong TOPICS = new AtomicLong();
    private static final int MAX_PREFIX_LENGTH = 200;
    private static final String ALL = "records";
    private static final String MATCHING = "matching records";

    private final KafkaBroker broker;
    private final Admin admin;
    private final TestProducer producer;
    private final RecordReader<String, String> strings;
    private final RecordReader<byte[], byte[]> bytes;
    private final GroupOffsets groups;
    private volatile boolean closed;

    private KafkaTestClient(KafkaBroker broker, String clientId) {
        String bootstrap = broker.bootstrapServers();
        this.broker = broker;
        this.admin = Admin.create(ClientProperties.admin(bootstrap, clientId + "-admin"));
        this.producer = new TestProducer(bootstrap, clientId + "-producer");
        this.strings = RecordReader.strings(bootstrap, clientId + "-reader");
        this.bytes = RecordReader.bytes(bootstrap, clientId + "-reader");
        this.groups = new GroupOffsets(admin, DEFAULT_ADMIN_TIMEOUT);
    }

    /** A client of {@code broker}; connections are made by the first call that needs them. */
    public static KafkaTestClient create(KafkaBroker broker) {
        Checks.notNull(broker, "broker");
        return new KafkaTestClient(broker, "realtime-agents-testkit-" + CLIENTS.incrementAndGet());
    }

    /** The broker this client talks to. */
    public KafkaBroker broker() {
        return broker;
    }

    /**
     * Creates a topic no other test uses, named {@code prefix-<counter>-<random>}, and waits until it has leaders.
     *
     * @param prefix the start of the name: at most 200 of a-z, A-Z, 0-9, '.', '_' and '-'
     * @return the new topic's name
     */
    public String uniqueTopic(String prefix, int partitions) {
        Checks.topicName(prefix, "prefix", MAX_PREFIX_LENGTH);
        String random = UUID.randomUUID().toString().substring(0, 8);
        String topic = prefix + "-" + TOPICS.incrementAndGet() + "-" + random;
        ensureOpen();
        broker.createTopic(topic, partitions);
        return topic;
    }

    /** Sends a record with UTF-8 key and value (either may be {@code null}) and waits for the acknowledgement. */
    public RecordMetadata produce(String topic, String key, String value) {
        return produce(topic, key, value, Map.of());
    }

    /** Like {@link #produce(String, String, String)}, with headers whose values are sent as UTF-8. */
    public RecordMetadata produce(String topic, String key, String value, Map<String, String> headers) {
        return produceBytes(topic, TestProducer.utf8(key), TestProducer.utf8(value), headers);
    }

    /** Sends a record with raw key and value (either may be {@code null}) and waits for the acknowledgement. */
    public RecordMetadata produceBytes(String topic, byte[] key, byte[] value) {
        return produceBytes(topic, key, value, Map.of());
    }

    /** Like {@link #produceBytes(String, byte[], byte[])}, with headers whose values are sent as UTF-8. */
    public RecordMetadata produceBytes(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        ensureOpen();
        return producer.send(topic, key, value, headers);
    }

    /**
     * Reads {@code topic} from the beginning of every partition, without a consumer group, and returns the first
     * {@code count} records read.
     *
     * @throws AssertionError if fewer than {@code count} arrive within {@code timeout}; its message says how many of
     *     how many arrived on which topic and lists the first five received
     */
    public List<ConsumerRecord<String, String>> consume(String topic, int count, Duration timeout) {
        ensureOpen();
        return strings.read(topic, record -> true, count, timeout, ALL);
    }

    /** Like {@link #consume(String, int, Duration)}, with raw keys and values. */
    public List<ConsumerRecord<byte[], byte[]>> consumeBytes(String topic, int count, Duration timeout) {
        ensureOpen();
        return bytes.read(topic, record -> true, count, timeout, ALL);
    }

    /**
     * Like {@link #consume(String, int, Duration)}, counting and returning only records that satisfy {@code match}.
     *
     * @throws AssertionError if fewer than {@code count} matching records arrive within {@code timeout}
     */
    public List<ConsumerRecord<String, String>> awaitRecords(
            String topic, Predicate<ConsumerRecord<String, String>> match, int count, Duration timeout) {
        ensureOpen();
        return strings.read(topic, match, count, timeout, MATCHING);
    }

    /** Like {@link #awaitRecords(String, Predicate, int, Duration)}, with raw keys and values. */
    public List<ConsumerRecord<byte[], byte[]>> awaitBytes(
            String topic, Predicate<ConsumerRecord<byte[], byte[]>> match, int count, Duration timeout) {
        ensureOpen();
        return bytes.read(topic, match, count, timeout, MATCHING);
    }

    /** The offsets {@code groupId} has committed on the partitions of {@code topic}, ordered by partition. */
    public Map<TopicPartition, Long> committedOffsets(String groupId, String topic) {
        ensureOpen();
        return groups.committed(groupId, topic);
    }

    /**
     * How many records of {@code topic} {@code groupId} has not committed yet: end offsets minus committed offsets,
     * summed over partitions (a partition without a committed offset counts from its first record).
     */
    public long lag(String groupId, String topic) {
        ensureOpen();
        return groups.lag(groupId, topic);
    }

    /**
     * The end offsets of {@code topic}'s partitions, summed: how many records were ever written to it (e.g. to assert
     * that nothing was dead-lettered).
     */
    public long endOffset(String topic) {
        ensureOpen();
        return groups.endOffset(topic);
    }

    /** This client's admin client, for anything the helpers do not cover; it is closed with this client. */
    public Admin admin() {
        ensureOpen();
        return admin;
    }

    /** The value of the last header named {@code name} as UTF-8 text, or {@code null} if there is none. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = Checks.notNull(record, "record").headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Closes the producer and admin client; the broker keeps running. Calling it twice is harmless. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.close();
        admin.close(Duration.ofSeconds(5));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "This KafkaTestClient is closed: create a new one with KafkaTestClient.create(broker)");
        }
    }
}
