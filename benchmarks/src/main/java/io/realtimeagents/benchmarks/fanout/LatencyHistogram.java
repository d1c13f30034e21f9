package io.realtimeagents.benchmarks.fanout;

import java.util.Arrays;

/**
 * A log-linear histogram of non-negative values such as latencies in nanoseconds, in the manner of HdrHistogram: exact
 * below 128, then 64 buckets per power of two, so a bucket is at most 1/64 (1.6%) of its values wide. Covers every
 * positive {@code long} in 3,712 counters; negative values count as 0. Not thread-safe: record on one thread, merge
 * copies. Shared with the {@code kafka-io} benchmark.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int LINEAR = 2 * SUB_BUCKETS;
    /** Number of counters: the linear range, then 64 per power of two up to 2^62. */
    static final int BUCKETS = LINEAR + (62 - SUB_BITS) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    /** Counts one value. */
    public void record(long value) {
        long clamped = Math.max(0, value);
        counts[index(clamped)]++;
        total++;
        max = Math.max(max, clamped);
    }

    /** Adds the counts of {@code other} to this one. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    /** Forgets every value. */
    void clear() {
        Arrays.fill(counts, 0);
        total = 0;
        max = 0;
    }

    /** How many values were recorded. */
    public long count() {
        return total;
    }

    /** The largest value recorded, exactly; 0 when none was. */
    public long max() {
        return max;
    }

    /**
     * The value below or at which {@code percentile} percent of the values fall, as the highest value of its bucket
     * (never above the maximum recorded); 0 when nothing was recorded.
     */
    public long percentile(double percentile) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highest(i), max);
            }
        }
        return max;
    }

    /** The bucket of a non-negative value. */
    static int index(long value) {
        if (value < LINEAR) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        int mantissa = (int) (value >>> shift);
        return LINEAR + (shift - 1) * SUB_BUCKETS + mantissa - SUB_BUCKETS;
    }

    /** The smallest value of a bucket. */
    static long lowest(int index) {
        if (index < LINEAR) {
            return index;
        }
        int offset = index - LINEAR;
        int shift = offset / SUB_BUCKETS + 1;
        return (long) (offset % SUB_BUCKETS + SUB_BUCKETS) << shift;
    }

    /** The largest value of a bucket. */
    static long highest(int index) {
        if (index < LINEAR) {
            return index;
        }
        int shift = (index - LINEAR) / SUB_BUCKETS + 1;
        return lowest(index) + (1L << shift) - 1;
    }

    /** The counts as text without spaces, {@code max;index:count,index:count...}, for {@link #decode}. */
    String encode() {
        StringBuilder text = new StringBuilder().append(max).append(';');
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) {
                text.append(i).append(':').append(counts[i]).append(',');
            }
        }
        return text.toString();
    }

    /**
     * A histogram from the text {@link #encode} wrote.
     *
     * @throws IllegalArgumentException quoting the text when it is not such text
     */
    static LatencyHistogram decode(String text) {
        LatencyHistogram histogram = new LatencyHistogram();
        try {
            int semicolon = text.indexOf(';');
            histogram.max = Long.parseLong(text.substring(0, semicolon));
            Arrays.stream(text.substring(semicolon + 1).split(","))
                    .filter(pair -> !pair.isEmpty())
                    .forEach(pair -> {
                        int colon = pair.indexOf(':');
                        long count = Long.parseLong(pair.substring(colon + 1));
                        histogram.counts[Integer.parseInt(pair.substring(0, colon))] += count;
                        histogram.total += count;
                    });
            return histogram;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid histogram text '" + text + "': " + e, e);
        }
    }
}
