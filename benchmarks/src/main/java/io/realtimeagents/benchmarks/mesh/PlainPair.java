package io.realtimeagents.benchmarks.mesh;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The baseline: request/reply written directly on kafka-clients, the way an application would without the framework.
 * The replier reads {@value #REQUESTS} in a consumer group and produces each request's value back to the reply
 * partition named in its header; the caller produces requests keyed by a correlation id, reads its own partition of
 * {@value #REPLIES} and completes the future of each reply's key from a map. Producers as the agent's: {@code
 * acks=all}, idempotent, {@code linger.ms=5}; the replier's consumer as the agent's ({@code max.poll.records=1000},
 * {@code fetch.max.wait.ms=50}), but committing automatically.
 */
final class PlainPair {
    /** The request topic, with as many partitions as an agent's. */
    static final String REQUESTS = "plain.requests";
    /** The reply topic, with as many partitions as the agents' shared one. */
    static final String REPLIES = "plain.replies";
    /** Partitions of {@link #REQUESTS}. */
    static final int REQUEST_PARTITIONS = 4;
    /** Partitions of {@link #REPLIES}. */
    static final int REPLY_PARTITIONS = 8;

    private static final String REPLY_PARTITION = "reply_partition";
    private static final Duration POLL = Duration.ofMillis(500);

    private PlainPair() {}

    /** Serves requests until the thread is interrupted by closing the consumer. */
    static void serve(String bootstrap) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producer(bootstrap));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(groupConsumer(bootstrap))) {
            consumer.subscribe(List.of(REQUESTS));
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            MeshChild.ready();
            Thread.ofPlatform().daemon().start(() -> {
                MeshChild.awaitEndOfInput();
                consumer.wakeup();
            });
            try {
                while (true) {
                    for (ConsumerRecord<byte[], byte[]> request : consumer.poll(POLL)) {
                        Header partition = request.headers().lastHeader(REPLY_PARTITION);
                        int replyPartition = Integer.parseInt(new String(partition.value(), StandardCharsets.US_ASCII));
                        producer.send(new ProducerRecord<>(REPLIES, replyPartition, request.key(), request.value()));
                    }
                }
            } catch (WakeupException e) {
                // the end of input: stop
            }
        }
    }

    /** The caller's side: a producer, a reader of its reply partition and the map of pending requests. */
    static final class Caller implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<String, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
        private final byte[] partitionHeader;
        private final Thread reader;
        private final byte[] payload;

        Caller(String bootstrap, byte[] payload) {
            this.payload = payload;
            String id = UUID.randomUUID().toString();
            int partition = Math.floorMod(id.hashCode(), REPLY_PARTITIONS);
            partitionHeader = String.valueOf(partition).getBytes(StandardCharsets.US_ASCII);
            producer = new KafkaProducer<>(producer(bootstrap));
            Map<String, Object> props = consumer(bootstrap, null);
            props.remove(ConsumerConfig.GROUP_ID_CONFIG);
            consumer = new KafkaConsumer<>(props);
            TopicPartition mine = new TopicPartition(REPLIES, partition);
            consumer.assign(List.of(mine));
            consumer.seekToEnd(List.of(mine));
            consumer.position(mine, Duration.ofSeconds(10));
            reader = Thread.ofPlatform().name("plain-replies").start(this::read);
        }

        /** Sends one request. */
        CompletionStage<byte[]> call() {
            String correlationId = UUID.randomUUID().toString();
            CompletableFuture<byte[]> reply = new CompletableFuture<>();
            pending.put(correlationId, reply);
            ProducerRecord<byte[], byte[]> record =
                    new ProducerRecord<>(REQUESTS, correlationId.getBytes(StandardCharsets.UTF_8), payload);
            record.headers().add(REPLY_PARTITION, partitionHeader);
            producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    pending.remove(correlationId);
                    reply.completeExceptionally(failure);
                }
            });
            return reply;
        }

        private void read() {
            try {
                while (true) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        CompletableFuture<byte[]> reply =
                                pending.remove(new String(record.key(), StandardCharsets.UTF_8));
                        if (reply != null) {
                            reply.complete(record.value());
                        }
                    }
                }
            } catch (WakeupException e) {
                // closed
            } finally {
                consumer.close();
            }
        }

        @Override
        public void close() throws InterruptedException {
            consumer.wakeup();
            reader.join();
            producer.close();
        }
    }

    private static Map<String, Object> producer(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** As the agent's consumer: up to 1,000 records a poll, a fetch held at most 50 ms. */
    private static Map<String, Object> groupConsumer(String bootstrap) {
        Map<String, Object> props = consumer(bootstrap, "plain-replier");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return props;
    }

    private static Map<String, Object> consumer(String bootstrap, String group) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"); // the caller seeks to the end
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
