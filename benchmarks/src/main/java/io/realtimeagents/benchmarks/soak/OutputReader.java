package io.realtimeagents.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A plain consumer, outside any group, of the soak's output topics from their beginning: it counts each input id's
 * outputs per topic and, while the soak runs, records every arrival in {@link Arrivals}. Each output names its input's
 * id and send time: the key and {@code sent_at} of a record, {@code data.soak_id} and {@code data.sent_at} of an event.
 */
final class OutputReader implements AutoCloseable {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final List<String> TOPICS = List.of(SoakTopics.OUTPUT, SoakTopics.BRIDGED, SoakTopics.EVENTS);
    /** The agents' dead-letter topics: counted, not parsed. */
    static final List<String> DEAD_LETTER_TOPICS = List.of(SoakTopics.INPUT + ".dlq", "mqtt.dlq");

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();
    private final Arrivals arrivals;
    private long deadLetters;

    /** A reader from the beginning; {@code arrivals} may be null when times do not matter. */
    OutputReader(String bootstrap, Arrivals arrivals) {
        this.arrivals = arrivals;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        for (String topic : TOPICS) {
            counts.put(topic, new ConcurrentHashMap<>());
        }
        for (String topic : concat(TOPICS, DEAD_LETTER_TOPICS)) {
            for (int partition = 0; partition < SoakTopics.PARTITIONS; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what arrived within a short wait. */
    void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
            long now = System.currentTimeMillis();
            if (DEAD_LETTER_TOPICS.contains(record.topic())) {
                deadLetters++;
                continue;
            }
            String id;
            long sentAt;
            JsonNode value = Json.tree(record.value());
            if (record.topic().equals(SoakTopics.EVENTS)) {
                id = value.path("data").path("soak_id").asText();
                sentAt = value.path("data").path("sent_at").asLong();
            } else {
                id = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                sentAt = value.path("sent_at").asLong();
            }
            counts.get(record.topic()).merge(id, 1, Integer::sum);
            if (arrivals != null && !record.topic().equals(SoakTopics.EVENTS)) {
                arrivals.add(Flow.path(id), now, sentAt);
            }
        }
    }

    /** Reads until every partition's position reached its end offset as of now. */
    void readToEnd(Duration timeout) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The output topics were not read to their end within " + timeout);
            }
            poll();
        }
    }

    /** Per output topic, how many outputs were read for each input id; the reader's own (concurrent) maps. */
    Map<String, Map<String, Integer>> counts() {
        return counts;
    }

    /** How many dead letters the agents wrote. */
    long deadLetters() {
        return deadLetters;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /** How many outputs were read in all. */
    long total() {
        return counts.values().stream()
                .flatMap(map -> map.values().stream())
                .mapToLong(Integer::longValue)
                .sum();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
