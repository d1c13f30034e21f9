package io.realtimeagents.agent.internal.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The source partitions of the live stream and the text of its ids. Inside a replica each partition has an index, in
 * the order the replica came to read it (partitions added to a topic later get the next indexes, so nothing known
 * moves). The id names partitions by topic and number instead, the same on every replica whatever it learnt first:
 * the next offsets of the first topic's partitions 0, 1, ... joined by {@code .}, then {@code _}, then the second
 * topic's, e.g. {@code 1042_77.80}. An id that lists fewer partitions of a topic than it has now was written before the
 * others were added: it has seen nothing of them, so they count from offset 0. Immutable.
 */
final class StreamLayout {
    private static final char TOPIC_SEPARATOR = '_';

    private final List<String> topics;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Integer> index;
    private final int[][] byNumber;

    private StreamLayout(List<String> topics, List<TopicPartition> partitions) {
        this.topics = List.copyOf(topics);
        this.partitions = List.copyOf(partitions);
        Map<TopicPartition, Integer> positions = new HashMap<>();
        int[] counts = new int[topics.size()];
        for (int i = 0; i < partitions.size(); i++) {
            TopicPartition partition = partitions.get(i);
            int topic = topics.indexOf(partition.topic());
            if (topic < 0 || partition.partition() < 0 || positions.put(partition, i) != null) {
                throw new IllegalArgumentException("partition " + partition + " is unknown or listed twice");
            }
            counts[topic] = Math.max(counts[topic], partition.partition() + 1);
        }
        this.index = Map.copyOf(positions);
        this.byNumber = new int[topics.size()][];
        for (int t = 0; t < topics.size(); t++) {
            byNumber[t] = new int[counts[t]];
            for (int number = 0; number < counts[t]; number++) {
                Integer at = positions.get(new TopicPartition(topics.get(t), number));
                byNumber[t][number] = at == null ? -1 : at;
            }
        }
    }

    /**
     * A layout of the given topics (their order fixes the id's) and partitions (their order fixes the indexes).
     *
     * @throws IllegalArgumentException when a partition is of another topic or listed twice
     */
    static StreamLayout of(List<String> topics, List<TopicPartition> partitions) {
        return new StreamLayout(topics, partitions);
    }

    /** This layout with partitions that were added to its topics, at the next indexes. */
    StreamLayout with(List<TopicPartition> added) {
        List<TopicPartition> all = new ArrayList<>(partitions);
        all.addAll(added);
        return new StreamLayout(topics, all);
    }

    /** The partitions of the given ones that this layout does not have, in the given order. */
    List<TopicPartition> missing(Collection<TopicPartition> current) {
        return current.stream()
                .filter(partition -> !index.containsKey(partition))
                .toList();
    }

    /** The partitions in index order. */
    List<TopicPartition> partitions() {
        return partitions;
    }

    int size() {
        return partitions.size();
    }

    /** The index of a partition, or -1 when this layout does not have it. */
    int indexOf(String topic, int partition) {
        Integer at = index.get(new TopicPartition(topic, partition));
        return at == null ? -1 : at;
    }

    /** The id text of a position given as next offsets by index. */
    String format(long[] next) {
        StringBuilder text = new StringBuilder(next.length * 8);
        for (int t = 0; t < byNumber.length; t++) {
            if (t > 0) {
                text.append(TOPIC_SEPARATOR);
            }
            for (int number = 0; number < byNumber[t].length; number++) {
                if (number > 0) {
                    text.append('.');
                }
                int at = byNumber[t][number];
                text.append(at < 0 ? 0 : next[at]);
            }
        }
        return text.toString();
    }

    /**
     * The position of an id, or null when it is not one of this stream's (it read partitions this stream does not know,
     * or garbage). An id without {@code _} of a stream with two topics is read in the earlier form, every partition
     * listed in order; it is this stream's only when it lists exactly as many partitions as the stream has.
     */
    StreamPosition parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String[] groups = id.trim().split(String.valueOf(TOPIC_SEPARATOR), -1);
        if (groups.length == 1 && topics.size() > 1) {
            return parseEarlierForm(groups[0]);
        }
        if (groups.length != topics.size()) {
            return null;
        }
        long[] next = new long[size()];
        for (int t = 0; t < groups.length; t++) {
            long[] offsets = offsets(groups[t]);
            if (offsets == null || !unknownUnread(t, offsets) || !place(t, offsets, next)) {
                return null;
            }
        }
        return StreamPosition.of(next);
    }

    private StreamPosition parseEarlierForm(String text) {
        long[] offsets = offsets(text);
        if (offsets == null || offsets.length != size()) {
            return null;
        }
        long[] next = new long[size()];
        int from = 0;
        for (int t = 0; t < byNumber.length; t++) {
            long[] ofTopic = new long[byNumber[t].length];
            System.arraycopy(offsets, from, ofTopic, 0, ofTopic.length);
            from += ofTopic.length;
            if (!place(t, ofTopic, next)) {
                return null;
            }
        }
        return StreamPosition.of(next);
    }

    /**
     * Whether the id has read nothing of the partitions of a topic this replica does not know yet (another replica
     * learnt of them first): they are then delivered from their start here too, so nothing is missed or repeated.
     */
    private boolean unknownUnread(int topic, long[] offsets) {
        for (int number = byNumber[topic].length; number < offsets.length; number++) {
            if (offsets[number] != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean place(int topic, long[] offsets, long[] next) {
        for (int number = 0; number < Math.min(offsets.length, byNumber[topic].length); number++) {
            int at = byNumber[topic][number];
            if (at < 0) {
                return false;
            }
            next[at] = offsets[number];
        }
        return true;
    }

    private static long[] offsets(String text) {
        String[] parts = text.split("\\.", -1);
        long[] offsets = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                offsets[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (offsets[i] < 0) {
                return null;
            }
        }
        return offsets;
    }

    @Override
    public String toString() {
        return partitions.toString();
    }
}
