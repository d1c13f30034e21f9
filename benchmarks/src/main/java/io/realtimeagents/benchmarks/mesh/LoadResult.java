package io.realtimeagents.benchmarks.mesh;

import io.realtimeagents.benchmarks.fanout.LatencyHistogram;
import java.util.Locale;

/**
 * What a caller JVM measured in one run, sent to the benchmark as one line of its standard output.
 *
 * @param replies replies received to requests sent in the measured window
 * @param nanos the measured window
 * @param p50Micros median round trip, microseconds
 * @param p99Micros 99th percentile, microseconds
 * @param p999Micros 99.9th percentile, microseconds
 * @param failures requests that failed or got no reply
 */
record LoadResult(long replies, long nanos, long p50Micros, long p99Micros, long p999Micros, long failures) {
    /** The prefix of the line. */
    static final String PREFIX = "RESULT ";

    /** The result of a window of {@code nanos} with the round trips (microseconds) in {@code micros}. */
    static LoadResult of(LatencyHistogram micros, long nanos, long failures) {
        return new LoadResult(
                micros.count(), nanos, micros.percentile(50), micros.percentile(99), micros.percentile(99.9), failures);
    }

    /** Replies per second. */
    double rate() {
        return replies * 1e9 / nanos;
    }

    /** The line {@link #parse} reads. */
    String line() {
        return PREFIX + replies + " " + nanos + " " + p50Micros + " " + p99Micros + " " + p999Micros + " " + failures;
    }

    /**
     * Reads a line written by {@link #line}.
     *
     * @throws IllegalArgumentException quoting the line when it is not such a line
     */
    static LoadResult parse(String line) {
        String[] fields =
                line.startsWith(PREFIX) ? line.substring(PREFIX.length()).split(" ") : new String[0];
        if (fields.length != 6) {
            throw new IllegalArgumentException(
                    "Invalid result line '" + line + "': expected " + PREFIX + "replies nanos p50 p99 p999 failures");
        }
        try {
            return new LoadResult(
                    Long.parseLong(fields[0]),
                    Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]),
                    Long.parseLong(fields[3]),
                    Long.parseLong(fields[4]),
                    Long.parseLong(fields[5]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid result line '" + line + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "%,9.0f req/s  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  (%,d replies in %.1f s, %d failed)",
                rate(),
                p50Micros / 1e3,
                p99Micros / 1e3,
                p999Micros / 1e3,
                replies,
                nanos / 1e9,
                failures);
    }
}
