package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Reads {@code seq} and {@code sent_nanos} from the bytes of a broadcast message, e.g. {@code
 * {"message_type":"broadcast","payload":{"topic":"bench","data":{"seq":12,"sent_nanos":-9087,...}},...}}, without
 * parsing the JSON: it looks for {@code "seq":} and {@code "sent_nanos":} in any order and reads the whole number
 * after each. Other messages (confirmations, pongs) have neither. It copies the message into an array of its own
 * first, where the search is cheapest; one per event loop.
 */
final class FrameParser {
    /** What the readers answer when the key or its number is missing. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SENT_NANOS = "\"sent_nanos\":".getBytes(StandardCharsets.US_ASCII);

    private byte[] scratch = new byte[1024];
    private long seq;
    private long sentNanos;

    /**
     * Reads bytes {@code [from, to)} of {@code buf}.
     *
     * @return whether they hold a {@code seq}; then {@link #seq()} and {@link #sentNanos()} tell the values
     */
    boolean parse(ByteBuf buf, int from, int to) {
        int length = to - from;
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, 2 * scratch.length)];
        }
        buf.getBytes(from, scratch, 0, length);
        seq = longAfter(scratch, 0, length, SEQ);
        sentNanos = seq == ABSENT ? ABSENT : longAfter(scratch, 0, length, SENT_NANOS);
        return seq != ABSENT;
    }

    /** The {@code seq} of the last message parsed, or {@link #ABSENT}. */
    long seq() {
        return seq;
    }

    /** The {@code sent_nanos} of the last message parsed, or {@link #ABSENT}. */
    long sentNanos() {
        return sentNanos;
    }

    /** The whole number after the first {@code key} in {@code bytes[from, to)}, spaces allowed before it. */
    static long longAfter(byte[] bytes, int from, int to, byte[] key) {
        int at = indexOf(bytes, from, to, key);
        if (at < 0) {
            return ABSENT;
        }
        int i = at + key.length;
        while (i < to && bytes[i] == ' ') {
            i++;
        }
        boolean negative = i < to && bytes[i] == '-';
        if (negative) {
            i++;
        }
        long value = 0;
        int digits = 0;
        for (; i < to && bytes[i] >= '0' && bytes[i] <= '9'; i++, digits++) {
            value = value * 10 + (bytes[i] - '0');
        }
        if (digits == 0 || digits > 18) {
            return ABSENT;
        }
        return negative ? -value : value;
    }

    private static int indexOf(byte[] bytes, int from, int to, byte[] key) {
        int last = to - key.length;
        byte first = key[0];
        outer:
        for (int i = from; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < key.length; j++) {
                if (bytes[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
