package io.realtimeagents.testkit.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Committed offsets and lag of a consumer group on one topic, read through an admin client. */
public final class GroupOffsets {
    private final Admin admin;
    private final Duration timeout;

    /** Uses {@code admin} (not closed here) and gives up on each call after {@code timeout}. */
    public GroupOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The group's committed offset for each partition of {@code topic} that has one, ordered by partition. */
    public Map<TopicPartition, Long> committed(String groupId, String topic) {
        Checks.notBlank(groupId, "groupId");
        Checks.topicName(topic, "topic");
        Map<TopicPartition, OffsetAndMetadata> all = KafkaFutures.get(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                timeout,
                "read the committed offsets of group '" + groupId + "'");
        Map<TopicPartition, Long> committed = new LinkedHashMap<>();
        all.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                .forEach(entry -> committed.put(entry.getKey(), entry.getValue().offset()));
        return committed;
    }

    /**
     * Records of {@code topic} the group has not committed yet, summed over partitions; a partition without a committed
     * offset counts from its first retained record.
     */
    public long lag(String groupId, String topic) {
        Map<TopicPartition, Long> committed = committed(groupId, topic);
        List<TopicPartition> partitions = partitionsOf(topic);
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            long position = committed.getOrDefault(partition, starts.get(partition));
            lag += Math.max(0, ends.get(partition) - position);
        }
        return lag;
    }

    /** The end offsets of {@code topic}'s partitions, summed: how many records were ever written to it. */
    public long endOffset(String topic) {
        Checks.topicName(topic, "topic");
        return offsets(partitionsOf(topic), OffsetSpec.latest()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private List<TopicPartition> partitionsOf(String topic) {
        return KafkaFutures.get(
                        admin.describeTopics(List.of(topic)).allTopicNames(), timeout, "describe topic '" + topic + "'")
                .get(topic)
                .partitions()
                .stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, ListOffsetsResultInfo> result =
                KafkaFutures.get(admin.listOffsets(request).all(), timeout, "list offsets of " + partitions);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        result.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }
}
