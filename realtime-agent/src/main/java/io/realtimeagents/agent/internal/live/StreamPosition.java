package io.realtimeagents.agent.internal.live;

import java.util.Arrays;

/**
 * A position in the live stream: for each source partition, by its index in the {@link StreamLayout}, the offset of
 * the next message. Its text is the SSE event id (see {@link StreamLayout}), the same on every replica, because every
 * replica reads the same partitions, so a client resumes exactly wherever its reconnect lands. A partition the
 * position does not list (added after it) counts from offset 0.
 */
public final class StreamPosition {
    private final long[] next;

    private StreamPosition(long[] next) {
        this.next = next;
    }

    /** The position of the given next offsets, by partition index. */
    static StreamPosition of(long[] next) {
        return new StreamPosition(next.clone());
    }

    /** Whether the message at this partition and offset comes after this position. */
    public boolean precedes(int partition, long offset) {
        return offset >= next(partition);
    }

    /** The next offset of a partition (0 for one the position does not list). */
    public long next(int partition) {
        return partition < next.length ? next[partition] : 0;
    }

    @Override
    public String toString() {
        return Arrays.toString(next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StreamPosition position && Arrays.equals(next, position.next);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(next);
    }
}
