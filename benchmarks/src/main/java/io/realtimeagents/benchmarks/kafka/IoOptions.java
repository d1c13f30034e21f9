package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.common.config.AgentSettings;
import java.util.Locale;

/**
 * The options of the {@code kafka-io} benchmark, validated.
 *
 * @param records backlog records, drained by each key-mode and Parallel Consumer run
 * @param keys distinct record keys
 * @param ioMs milliseconds each handler waits
 * @param maxInFlight the agent's {@code KAFKA_MAX_IN_FLIGHT} and Parallel Consumer's {@code maxConcurrency}
 * @param partitionRecords records of the backlog's prefix that partition mode handles
 * @param warmupRecords records per discarded warm-up run
 * @param pacedRate records per second sent in the latency phase
 * @param pacedSeconds how long each measured run of the latency phase sends
 * @param pacedWarmupSeconds how long each discarded warm-up run of the latency phase sends; 0 for none
 */
record IoOptions(
        long records,
        int keys,
        long ioMs,
        int maxInFlight,
        long partitionRecords,
        long warmupRecords,
        long pacedRate,
        long pacedSeconds,
        long pacedWarmupSeconds) {
    static final long DEFAULT_RECORDS = 200_000;
    static final long DEFAULT_KEYS = 10_000;
    static final long DEFAULT_IO_MS = 10;
    static final long DEFAULT_PARTITION_RECORDS = 4_000;
    static final long DEFAULT_WARMUP_RECORDS = 50_000;
    static final long DEFAULT_PACED_RATE = 5_000;
    static final long DEFAULT_PACED_SECONDS = 10;
    static final long DEFAULT_PACED_WARMUP_SECONDS = 10;
    private static final long MAX_IO_MS = 10_000;
    private static final long MAX_PACED_SECONDS = 600;

    /**
     * Reads and checks the options.
     *
     * @throws IllegalArgumentException naming the option, the bad value and the limit
     */
    static IoOptions read(BenchmarkOptions options) {
        long records = options.positiveLong("records", DEFAULT_RECORDS);
        long keys = options.positiveLong("keys", DEFAULT_KEYS);
        long ioMs = options.positiveLong("io-ms", DEFAULT_IO_MS);
        long maxInFlight = options.positiveLong("max-in-flight", AgentSettings.KAFKA_MAX_IN_FLIGHT.defaultValue());
        long partitionRecords = options.positiveLong("partition-records", DEFAULT_PARTITION_RECORDS);
        long warmupRecords = options.positiveLong("warmup-records", DEFAULT_WARMUP_RECORDS);
        long pacedRate = options.positiveLong("paced-rate", DEFAULT_PACED_RATE);
        long pacedSeconds = options.positiveLong("paced-seconds", DEFAULT_PACED_SECONDS);
        long pacedWarmupSeconds = options.nonNegativeLong("paced-warmup-seconds", DEFAULT_PACED_WARMUP_SECONDS);
        options.checkAllUsed();
        atMost("keys", keys, "the limit", 10_000_000);
        atMost("io-ms", ioMs, "the limit", MAX_IO_MS);
        atMost("max-in-flight", maxInFlight, "KAFKA_MAX_IN_FLIGHT's limit", 100_000);
        atMost("partition-records", partitionRecords, "--records", records);
        atMost("warmup-records", warmupRecords, "--records", records);
        atMost("paced-rate", pacedRate, "the limit", 1_000_000);
        atMost("paced-seconds", pacedSeconds, "the limit", MAX_PACED_SECONDS);
        atMost("paced-warmup-seconds", pacedWarmupSeconds, "the limit", MAX_PACED_SECONDS);
        return new IoOptions(
                records,
                Math.toIntExact(keys),
                ioMs,
                Math.toIntExact(maxInFlight),
                partitionRecords,
                warmupRecords,
                pacedRate,
                pacedSeconds,
                pacedWarmupSeconds);
    }

    private static void atMost(String option, long value, String limitName, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Invalid value %d for option --%s: must not exceed %s (%d)",
                    value,
                    option,
                    limitName,
                    limit));
        }
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "settings: %,d records, %,d keys, %d partitions, handler waits %d ms, max in flight %,d; partition mode"
                        + " on the first %,d records; warm-up %,d records; paced %,d rec/s for %d s (warm-up %d s)",
                records,
                keys,
                KafkaIoBenchmark.PARTITIONS,
                ioMs,
                maxInFlight,
                partitionRecords,
                warmupRecords,
                pacedRate,
                pacedSeconds,
                pacedWarmupSeconds);
    }
}
