package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.realtimeagents.agent.internal.live.LiveFrames.Kind;
import io.realtimeagents.agent.internal.live.LiveMessage.MessageOrigin;
import java.util.List;
import java.util.function.Predicate;

/**
 * The ordered stream of live messages of this replica: turns each source record into an encoded
 * {@link LiveMessage} with its stream position as id, keeps it in the history and hands it to the hub. Until the
 * source partitions are known (the feed starts), there is no history and resumes are told they may have missed
 * messages.
 */
final class LiveStream {
    private final LiveHub hub;
    private final LiveSettings settings;
    private final ByteBufAllocator allocator = PooledByteBufAllocator.DEFAULT;
    private volatile LiveHistory history;
    private long[] next;
    private long sequence;

    LiveStream(LiveHub hub, LiveSettings settings) {
        this.hub = hub;
        this.settings = settings;
    }

    /** Sets the source partitions (their count fixes the id layout) and where reading starts. */
    synchronized void startAt(long[] startOffsets) {
        next = startOffsets.clone();
        LiveHistory created =
                new LiveHistory(settings.historySize(), settings.historyMaxAge().toMillis(), startOffsets.length);
        created.startedAt(startOffsets);
        history = created;
    }

    /** The next offset of each source partition, or null before the feed started. */
    synchronized long[] positions() {
        return next == null ? null : next.clone();
    }

    /** Source partitions, or 0 before the feed started. */
    synchronized int partitions() {
        return next == null ? 0 : next.length;
    }

    /**
     * Encodes a source record and delivers it; false when its value is not JSON (it is skipped).
     *
     * @param partition the index of the source partition
     * @param offset its offset there
     * @param timestampMillis the record's timestamp
     */
    synchronized boolean accept(
            int partition, long offset, long timestampMillis, Kind kind, String topic, byte[] value) {
        byte[] json = LiveFrames.messageJson(kind, topic, value, timestampMillis);
        next[partition] = offset + 1;
        if (json == null) {
            return false;
        }
        String id = StreamPosition.format(next);
        LiveMessage message = new LiveMessage(
                new MessageOrigin(++sequence, partition, offset),
                topic,
                id,
                LiveFrames.webSocketFrame(allocator, json),
                LiveFrames.sseChunk(allocator, id, json),
                hub.metrics().retainedBytes());
        history.add(message);
        hub.publish(message);
        return true;
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
        if (!accept(0, next[0], System.currentTimeMillis(), Kind.BROADCAST, topic, value)) {
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
        StreamPosition position = StreamPosition.parse(lastEventId, partitions());
        return current.replay(topics, position);
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
