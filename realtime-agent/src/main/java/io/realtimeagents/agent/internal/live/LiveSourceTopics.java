package io.realtimeagents.agent.internal.live;

import io.realtimeagents.agent.internal.kafka.KafkaProperties;
import io.realtimeagents.common.config.AgentConfig;
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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events and live topics as the live feed sees them: created when missing, their partitions in the stream's order,
 * and the offsets it starts reading them from.
 */
final class LiveSourceTopics {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSourceTopics.class);

    private final AgentConfig config;
    private final String eventsTopic;
    private final String liveTopic;

    LiveSourceTopics(AgentConfig config, String eventsTopic, String liveTopic) {
        this.config = config;
        this.eventsTopic = eventsTopic;
        this.liveTopic = liveTopic;
    }

    /** The topics in the order of the stream's ids. */
    List<String> names() {
        return List.of(eventsTopic, liveTopic);
    }

    /**
     * The partitions of both topics, in a fixed order: the events topic's by number, then the live topic's. At the start
     * it first creates missing topics with the broker's defaults, and fails when a topic has no partitions.
     */
    List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> source, boolean starting) {
        if (starting) {
            createMissingTopics();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(eventsTopic, liveTopic)) {
            List<PartitionInfo> infos = source.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos.isEmpty() && starting) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .forEach(partitions::add);
        }
        return partitions;
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

    /** Where a starting replica reads: {@code historyReachMillis} back (or at the end without history). */
    static long[] startOffsets(
            KafkaConsumer<byte[], byte[]> source, List<TopicPartition> layout, long historyReachMillis) {
        Map<TopicPartition, Long> end = source.endOffsets(layout);
        long[] start = new long[layout.size()];
        Map<TopicPartition, Long> since = new HashMap<>();
        long from = System.currentTimeMillis() - historyReachMillis;
        layout.forEach(partition -> since.put(partition, from));
        Map<TopicPartition, OffsetAndTimestamp> found =
                historyReachMillis > 0 ? source.offsetsForTimes(since) : Map.of();
        for (int i = 0; i < layout.size(); i++) {
            OffsetAndTimestamp at = found.get(layout.get(i));
            start[i] = at == null ? end.get(layout.get(i)) : at.offset();
        }
        return start;
    }

    /** The first offsets of partitions added to the topics: they are new, so the feed reads them from the start. */
    static long[] firstOffsets(KafkaConsumer<byte[], byte[]> source, List<TopicPartition> added) {
        Map<TopicPartition, Long> first = source.beginningOffsets(added);
        long[] start = new long[added.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = first.getOrDefault(added.get(i), 0L);
        }
        return start;
    }
}
