package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.fanout.LatencyHistogram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * End-to-end latencies of the readings sent from {@link #start} on: the time from a reading's timestamp, set when it
 * was sent, to the end of its handling, on this machine's clock, in microseconds. Readings stamped earlier (the
 * probes sent to see the contender ready) are not counted. Thread-safe.
 */
final class LatencyRecorder {
    private final Clock clock;
    private final LatencyHistogram micros = new LatencyHistogram(); // guarded by itself
    private volatile Instant since = Instant.MAX;
    private Duration maxSentAfter = Duration.ZERO; // guarded by micros

    LatencyRecorder(Clock clock) {
        this.clock = clock;
    }

    /** Counts readings stamped at {@code from} or later from now on. */
    void start(Instant from) {
        since = from;
    }

    /** Records one handled reading, unless it was stamped before {@link #start}. */
    void handled(Reading reading) {
        if (reading.timestamp().isBefore(since)) {
            return;
        }
        long value = Duration.between(reading.timestamp(), clock.instant()).toNanos() / 1_000;
        synchronized (micros) {
            if (value > micros.max()) {
                maxSentAfter = Duration.between(since, reading.timestamp());
            }
            micros.record(value);
        }
    }

    /** The latencies recorded so far. */
    Latencies latencies() {
        synchronized (micros) {
            return new Latencies(
                    micros.count(),
                    micros.percentile(50) / 1e3,
                    micros.percentile(99) / 1e3,
                    micros.max() / 1e3,
                    maxSentAfter.toMillis() / 1e3);
        }
    }

    /**
     * Latency percentiles, within 1.6% (the histogram's bucket width).
     *
     * @param count readings recorded
     * @param p50Millis median, milliseconds
     * @param p99Millis 99th percentile, milliseconds
     * @param maxMillis the largest, milliseconds
     * @param maxSentAtSeconds when the reading of the largest was sent, seconds after {@link #start}
     */
    record Latencies(long count, double p50Millis, double p99Millis, double maxMillis, double maxSentAtSeconds) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "p50 %.1f ms, p99 %.1f ms, max %.1f ms (sent at +%.1f s; %,d records)",
                    p50Millis,
                    p99Millis,
                    maxMillis,
                    maxSentAtSeconds,
                    count);
        }
    }
}
