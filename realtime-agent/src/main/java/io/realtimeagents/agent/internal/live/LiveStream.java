package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import io.realtimeagents.agent.internal.live.LiveMessage.MessageOrigin;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * The ordered stream of live messages of this replica: turns each source record into an encoded
 * {@link LiveMessage} with its stream position as id, keeps it in the history and hands it to the hub. Until the
 * source partitions are known (the feed starts), there is no history and resumes are told they may have missed
 * messages. Partitions added to the source topics later join it (see {@link StreamLayout}).
 */
final class LiveStream {
    private final LiveHub hub;
    private final LiveSettings settings;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private volatile LiveHistory history;
    private volatile StreamLayout layout;
    private long[] next;
    private long sequence;

    LiveStream(LiveHub hub, LiveSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    /** Sets the source partitions (they fix the ids) and where reading starts, by partition index. */
    synchronized void startAt(StreamLayout sources, long[] startOffsets) {
        if (startOffsets.length != sources.size()) {
            throw new IllegalArgumentException(
                    startOffsets.length + " start offsets for the " + sources.size() + " partitions " + sources);
        }
        next = startOffsets.clone();
        LiveHistory created =
                new LiveHistory(settings.historySize(), settings.historyMaxAge().toMillis(), startOffsets.length);
        created.startedAt(startOffsets);
        layout = sources;
        history = created;
    }

    /**
     * Adds partitions added to the source topics after the start, at the next indexes, read from the given offsets
     * (their first ones: they are new).
     */
    synchronized void extend(List<TopicPartition> added, long[] startOffsets) {
        int before = next.length;
        next = Arrays.copyOf(next, before + added.size());
        System.arraycopy(startOffsets, 0, next, before, added.size());
        history.extend(startOffsets);
        layout = layout.with(added);
    }

    /** The source partitions, or null before the feed started. */
    StreamLayout layout() {
        return layout;
    }

    /** The index of a source partition, or -1 while the stream does not know it. */
    int indexOf(String topic, int partition) {
        StreamLayout current = layout;
        return current == null ? -1 : current.indexOf(topic, partition);
    }

    /** The next offset of each source partition, by index, or null before the feed started. */
    synchronized long[] positions() {
        return next == null ? null : next.clone();
    }

    /** What became of a record handed to the stream. */
    enum Outcome {
        /** Encoded, kept in the history and handed to the clients. */
        DELIVERED,
        /** Not JSON: moved past without delivery. */
        INVALID,
        /** Already delivered (a broadcast of this replica, at its acknowledgement), or not next in its partition. */
        SKIPPED
    }

    /**
     * Encodes a source record and delivers it, unless it was delivered already.
     *
     * @param partition the index of the source partition
     * @param offset its offset there
     * @param timestampMillis the record's timestamp
     */
    synchronized Outcome accept(
            int partition, long offset, long timestampMillis, Kind kind, String topic, byte[] value) {
        if (offset < next[partition]) {
            return Outcome.SKIPPED;
        }
        byte[] json = LiveFrames.messageJson(kind, topic, value, timestampMillis);
        next[partition] = offset + 1;
        if (json == null) {
            return Outcome.INVALID;
        }
        String id = layout.format(next);
        LiveMessage message = new LiveMessage(
                new MessageOrigin(++sequence, partition, offset),
                topic,
                id,
                LiveFrames.webSocketFrame(allocator, json),
                LiveFrames.sseChunk(allocator, id, json),
                hub.metrics().retainedBytes());
        history.add(message);
        hub.publish(message);
        return Outcome.DELIVERED;
    }

    /**
     * Delivers a broadcast of this replica as soon as Kafka acknowledged it, without waiting for the feed to read it
     * back, when it is the next record of its partition; otherwise (records of other replicas come before it and the
     * feed has not read them yet, or the feed is not reading) it is {@link Outcome#SKIPPED} and the feed delivers it in
     * its turn. Either way, each partition's records reach clients once and in order, with the same ids.
     */
    synchronized Outcome acceptOwn(int partition, long offset, long timestampMillis, String topic, byte[] value) {
        if (next == null || partition >= next.length || next[partition] != offset) {
            return Outcome.SKIPPED;
        }
        return accept(partition, offset, timestampMillis, Kind.BROADCAST, topic, value);
    }

    /** Moves past a record that is not delivered. */
    synchronized void skip(int partition, long offset) {
        next[partition] = offset + 1;
    }

    /** How far back (ms) a starting replica reads to fill its history; 0 without history. */
    long historyReach() {
        return settings.historySize() == 0 ? 0 : settings.historyMaxAge().toMillis();
    }

    /** Delivers a broadcast of an agent without Kafka: its own single partition. */
    synchronized void acceptLocal(String topic, byte[] value) {
        if (accept(0, next[0], System.currentTimeMillis(), Kind.BROADCAST, topic, value) != Outcome.DELIVERED) {
            throw new IllegalArgumentException("a broadcast message must encode to JSON");
        }
    }

    /** Lets old history go. */
    void expire(long nowMillis) {
        LiveHistory current = history;
        if (current != null) {
            current.expire(nowMillis);
        }
    }

    /**
     * What a client resuming after the given id gets: its messages since then on the matching topics, or, before the
     * feed started or for an id of another layout, nothing and {@code missed}.
     */
    LiveHistory.Replay replay(Predicate<String> topics, String lastEventId) {
        LiveHistory current = history;
        if (current == null) {
            return new LiveHistory.Replay(List.of(), true, 0);
        }
        return current.replay(topics, layout.parse(lastEventId));
    }

    /** The sequence number of the last message; live delivery to a new client starts after it. */
    long lastSequence() {
        LiveHistory current = history;
        return current == null ? 0 : current.lastSequence();
    }

    /** Releases the history. */
    void close() {
        LiveHistory current = history;
        if (current != null) {
            current.clear();
        }
    }
}
