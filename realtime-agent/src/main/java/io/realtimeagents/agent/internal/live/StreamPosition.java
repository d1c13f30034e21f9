package io.realtimeagents.agent.internal.live;

import java.util.Arrays;

/**
 * A position in the live stream: for each source partition (the events and live topics' partitions, in a fixed
 * order), the offset of the next message. It is the SSE event id, e.g. {@code 1042.77}: the same on every replica,
 * because every replica reads the same partitions, so a client resumes exactly wherever its reconnect lands.
 */
public final class StreamPosition {
    private final long[] next;

    private StreamPosition(long[] next) {
        this.next = next;
    }

    /** The position of an id, or null when the id is not one of this stream's (another layout, or garbage). */
    public static StreamPosition parse(String id, int partitions) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String[] parts = id.trim().split("\\.", -1);
        if (parts.length != partitions) {
            return null;
        }
        long[] next = new long[partitions];
        for (int i = 0; i < partitions; i++) {
            try {
                next[i] = Long.parseLong(parts[i]);
            } catch (NumberFormatException e) {
                return null;
            }
            if (next[i] < 0) {
                return null;
            }
        }
        return new StreamPosition(next);
    }

    /** The id text of a position given as next offsets. */
    static String format(long[] next) {
        StringBuilder text = new StringBuilder(next.length * 8);
        for (int i = 0; i < next.length; i++) {
            if (i > 0) {
                text.append('.');
            }
            text.append(next[i]);
        }
        return text.toString();
    }

    /** Whether the message at this partition and offset comes after this position. */
    public boolean precedes(int partition, long offset) {
        return offset >= next[partition];
    }

    /** The next offset of a partition. */
    public long next(int partition) {
        return next[partition];
    }

    @Override
    public String toString() {
        return format(next);
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
