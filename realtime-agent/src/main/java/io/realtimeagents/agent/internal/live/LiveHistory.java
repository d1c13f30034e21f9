package io.realtimeagents.agent.internal.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last messages of each live topic, bounded by count and age, so a reconnecting SSE client gets exactly what it
 * missed. Per topic it remembers the highest offset it let go of in each partition, so it can tell whether a
 * position still lies within reach; a position before the offsets this replica started reading from is out of reach
 * too. Partitions added to the source topics later join at the next indexes. Thread-safe: the feed adds, event loops
 * replay.
 */
final class LiveHistory {
    private final int maxPerTopic;
    private final long maxAgeMillis;
    private int partitions;
    private final Map<String, TopicHistory> topics = new HashMap<>();
    private long[] startOffsets;
    private long lastSequence;

    LiveHistory(int maxPerTopic, long maxAgeMillis, int partitions) {
        this.maxPerTopic = maxPerTopic;
        this.maxAgeMillis = maxAgeMillis;
        this.partitions = partitions;
        this.startOffsets = new long[partitions];
    }

    /** The offsets this replica started reading at: positions before them may have missed messages. */
    synchronized void startedAt(long[] offsets) {
        startOffsets = offsets.clone();
    }

    /** Adds source partitions (added to the topics later) at the next indexes, read from the given offsets. */
    synchronized void extend(long[] offsets) {
        int before = partitions;
        partitions += offsets.length;
        startOffsets = Arrays.copyOf(startOffsets, partitions);
        System.arraycopy(offsets, 0, startOffsets, before, offsets.length);
        topics.values().forEach(history -> history.extend(partitions));
    }

    /** Keeps a message (taking a reference) and lets the oldest of its topic go when the topic is full. */
    synchronized void add(LiveMessage message) {
        lastSequence = message.sequence();
        if (maxPerTopic == 0) {
            return;
        }
        TopicHistory history = topics.computeIfAbsent(message.topic(), topic -> new TopicHistory(partitions));
        history.messages.addLast(message.retain());
        if (history.messages.size() > maxPerTopic) {
            history.evict(history.messages.pollFirst());
        }
    }

    /** Lets messages older than the maximum age go. */
    synchronized void expire(long nowMillis) {
        long oldest = nowMillis - maxAgeMillis;
        Iterator<TopicHistory> all = topics.values().iterator();
        while (all.hasNext()) {
            TopicHistory history = all.next();
            while (!history.messages.isEmpty() && history.messages.peekFirst().receivedAtMillis() < oldest) {
                history.evict(history.messages.pollFirst());
            }
        }
    }

    /**
     * The kept messages of the matching topics after the position, in the order they were read, each retained for the
     * caller; whether the client may have missed some; and the sequence number up to which the replay goes, so live
     * delivery can skip what the replay already covers.
     */
    synchronized Replay replay(Predicate<String> topicFilter, StreamPosition position) {
        List<LiveMessage> found = new ArrayList<>();
        boolean missed = position == null;
        if (position != null) {
            for (int p = 0; p < partitions; p++) {
                missed |= position.next(p) < startOffsets[p];
            }
        }
        for (Map.Entry<String, TopicHistory> entry : topics.entrySet()) {
            if (!topicFilter.test(entry.getKey())) {
                continue;
            }
            TopicHistory history = entry.getValue();
            for (LiveMessage message : history.messages) {
                if (position == null || position.precedes(message.partition(), message.offset())) {
                    found.add(message.retain());
                }
            }
            if (position != null) {
                for (int p = 0; p < partitions; p++) {
                    missed |= history.evictedUpTo[p] >= position.next(p);
                }
            }
        }
        found.sort(Comparator.comparingLong(LiveMessage::sequence));
        return new Replay(found, missed, lastSequence);
    }

    /** The sequence number of the last message added. */
    synchronized long lastSequence() {
        return lastSequence;
    }

    /** Releases every kept message. */
    synchronized void clear() {
        topics.values().forEach(history -> history.messages.forEach(LiveMessage::release));
        topics.clear();
    }

    /**
     * What a resuming client is sent.
     *
     * @param messages the kept messages after its position, retained: release each after writing it
     * @param missed whether messages it should have had are no longer kept (or cannot be known)
     * @param upToSequence live delivery skips messages up to this sequence number
     */
    record Replay(List<LiveMessage> messages, boolean missed, long upToSequence) {}

    private static final class TopicHistory {
        final ArrayDeque<LiveMessage> messages = new ArrayDeque<>();
        long[] evictedUpTo;

        TopicHistory(int partitions) {
            evictedUpTo = new long[partitions];
            Arrays.fill(evictedUpTo, -1);
        }

        void extend(int partitions) {
            int before = evictedUpTo.length;
            evictedUpTo = Arrays.copyOf(evictedUpTo, partitions);
            Arrays.fill(evictedUpTo, before, partitions, -1);
        }

        void evict(LiveMessage message) {
            evictedUpTo[message.partition()] = Math.max(evictedUpTo[message.partition()], message.offset());
            message.release();
        }
    }
}
