package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends readings of {@code keys} patients at a fixed rate, each stamped with the time it is handed to the producer, so
 * that a consumer can tell its end-to-end latency. The producer does not linger: a record goes out as soon as the
 * previous request allows.
 */
final class PacedProducer implements AutoCloseable {
    private static final long TICK_NANOS = 500_000;

    /** The broker did not take the readings: no contender's fault. */
    static final class SendFailed extends IllegalStateException {
        SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final int keys;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long sent;

    PacedProducer(String bootstrapServers, String topic, int keys) {
        this.producer = new KafkaProducer<>(ReadingProducer.properties(bootstrapServers, 0));
        this.topic = topic;
        this.keys = keys;
    }

    /** Sends {@code count} readings at once, stamped with the epoch (so that no latency is recorded for them). */
    void probe(long count) {
        for (long i = 0; i < count; i++) {
            send(Reading.sample(sent, keys).at(Instant.EPOCH));
        }
        flush();
    }

    /**
     * Sends {@code rate} readings per second for {@code seconds}, catching up within half a millisecond when it falls
     * behind, and waits until all are acknowledged.
     *
     * @return the rate reached, readings per second
     */
    double pace(long rate, long seconds) {
        long total = rate * seconds;
        long start = System.nanoTime();
        for (long count = 0; count < total; ) {
            long due = Math.min(total, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
            for (; count < due; count++) {
                send(Reading.sample(sent, keys).at(Instant.now()));
            }
            LockSupport.parkNanos(TICK_NANOS);
        }
        double reached = total * 1e9 / (System.nanoTime() - start);
        flush();
        return reached;
    }

    /** Readings sent so far. */
    long sent() {
        return sent;
    }

    private void send(Reading reading) {
        byte[] key = reading.patientId().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(topic, key, Json.encode(reading)), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        sent++;
    }

    private void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new SendFailed("Sending readings to " + topic + " failed: " + failure.get(), failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
