package io.realtimeagents.benchmarks.kafka;

/** What a contender does with each decoded reading: count it, or wait as if calling a service and then record it. */
@FunctionalInterface
public interface ReadingHandler {
    /**
     * Handles one reading.
     *
     * @throws Exception to fail the record (the benchmarks' handlers fail only when interrupted)
     */
    void handle(Reading reading) throws Exception;
}
