package io.realtimeagents.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One idempotent producer, created on first use, that sends each record synchronously. */
public final class TestProducer implements AutoCloseable {
    /** How long one send may take, including fetching metadata and retries. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(35);

    private final String bootstrapServers;
    private final String clientId;
    private KafkaProducer<byte[], byte[]> producer; // guarded by this
    private boolean closed; // guarded by this

    /** A producer for the broker at {@code bootstrapServers}; nothing connects until the first send. */
    public TestProducer(String bootstrapServers, String clientId) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
    }

    /** Encodes text as UTF-8, keeping {@code null} as {@code null}. */
    public static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Sends one record and waits until the broker has acknowledged it.
     *
     * @param headers header names and UTF-8 text values, sent in the map's iteration order
     * @throws IllegalStateException if the record is not acknowledged in time
     */
    public RecordMetadata send(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        Checks.topicName(topic, "topic");
        Checks.notNull(headers, "headers");
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null, key, value, toHeaders(headers));
        return KafkaFutures.get(
                producer().send(record), DEFAULT_SEND_TIMEOUT, "produce a record to topic '" + topic + "'");
    }

    private static List<Header> toHeaders(Map<String, String> headers) {
        List<Header> list = new ArrayList<>(headers.size());
        headers.forEach((name, value) -> list.add(new RecordHeader(name, utf8(value))));
        return list;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (closed) {
            throw new IllegalStateException("This producer is closed");
        }
        if (producer == null) {
            producer = new KafkaProducer<>(
                    ClientProperties.producer(bootstrapServers, clientId),
                    new ByteArraySerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    /** Flushes and closes the producer, if one was created. */
    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
