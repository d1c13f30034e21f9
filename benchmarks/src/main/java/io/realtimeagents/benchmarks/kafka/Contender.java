package io.realtimeagents.benchmarks.kafka;

import java.time.Duration;

/** One way of reading the benchmark topic: from the beginning, decoding and counting every record. */
interface Contender {
    /** How long one run may take before it is declared stuck. */
    Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    /** {@code plain} or {@code agent}. */
    String name();

    /**
     * Reads the topic from its beginning with a new consumer group until {@code records} are counted.
     *
     * @param groupId a consumer group never used before
     * @param records how many records to count
     * @throws Exception when the run fails or exceeds {@link #RUN_TIMEOUT}
     */
    Measurement run(String groupId, long records) throws Exception;
}
