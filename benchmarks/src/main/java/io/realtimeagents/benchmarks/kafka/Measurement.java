package io.realtimeagents.benchmarks.kafka;

/**
 * What one contender's run measured.
 *
 * @param contender {@code plain} or {@code agent}
 * @param records records counted between the clock's start and stop
 * @param nanos time from the first record reaching the counting code to the last one counted
 * @param cpu CPU time this JVM and the broker's used meanwhile
 * @param checksum the sum of the heart rates counted, to check that both contenders read the same records
 * @param consumer the consumer's own metrics at the end of the run (see {@link ConsumerMetrics})
 */
record Measurement(String contender, long records, long nanos, CpuTime cpu, long checksum, String consumer) {
    /** Records per second. */
    double rate() {
        return records * 1e9 / nanos;
    }
}
