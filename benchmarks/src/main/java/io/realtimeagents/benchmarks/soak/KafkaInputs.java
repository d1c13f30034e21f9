package io.realtimeagents.benchmarks.soak;

import io.realtimeagents.common.json.Json;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka producer of the soak: inputs {@code k-<n>} at a steady rate to {@link SoakTopics#INPUT}, partition
 * {@code n % 4}, idempotent with {@code acks=all}; an input counts once the broker acknowledged it.
 */
final class KafkaInputs implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> confirmed;
    private final AtomicLong attempted = new AtomicLong();
    private final long perSecond;
    private volatile boolean running = true;
    private final Thread thread;

    KafkaInputs(String bootstrap, long perSecond, Map<String, Long> confirmed) {
        this.perSecond = perSecond;
        this.confirmed = confirmed;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                120_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class));
        this.thread = Thread.ofPlatform().name("soak-kafka-inputs").start(this::produce);
    }

    private void produce() {
        Pacer pacer = new Pacer(perSecond, System.nanoTime());
        while (running) {
            for (long due = pacer.due(System.nanoTime()); due > 0 && running; due--) {
                send(attempted.getAndIncrement());
            }
            sleepBriefly();
        }
    }

    private void send(long n) {
        String id = "k-" + n;
        long sentAt = System.currentTimeMillis();
        byte[] value = Json.encode(new SoakAgent.Input(id, sentAt));
        int partition = (int) (n % SoakTopics.PARTITIONS);
        try {
            producer.send(new ProducerRecord<>(SoakTopics.INPUT, partition, id, value), (metadata, error) -> {
                if (error == null) {
                    confirmed.put(id, sentAt);
                }
            });
        } catch (RuntimeException e) {
            // Not sent: the input does not count.
        }
    }

    static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Inputs sent so far, acknowledged or not. */
    long attempted() {
        return attempted.get();
    }

    /** Stops sending, waits for the acknowledgements of what was sent, and closes the producer. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        producer.flush();
        producer.close();
    }

    static Map<String, Long> newConfirmedMap() {
        return new ConcurrentHashMap<>();
    }
}
