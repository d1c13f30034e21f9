package io.realtimeagents.benchmarks.mqtt;

/**
 * What one run measured.
 *
 * @param contender {@code plain}, {@code agent} or {@code bridge}
 * @param messages messages counted between the clock's start and stop
 * @param nanos time from the first message counted to the last
 * @param cpuNanos CPU time of this JVM meanwhile (publisher, receiver and, for the bridge, the Kafka consumer)
 * @param kafkaCpuNanos CPU time of the Kafka broker's JVM meanwhile
 * @param checksum the sum of the heart rates counted, to check that every message published arrived once
 */
record Measurement(String contender, long messages, long nanos, long cpuNanos, long kafkaCpuNanos, long checksum) {
    /** Messages per second. */
    double rate() {
        return messages * 1e9 / nanos;
    }
}
