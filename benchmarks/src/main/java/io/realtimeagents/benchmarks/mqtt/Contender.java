package io.realtimeagents.benchmarks.mqtt;

/** One way of receiving the run's messages, counting each into a {@link MessageCounter}. */
interface Contender {
    /** {@code plain}, {@code agent} or {@code bridge}. */
    String name();

    /**
     * Connects and subscribes to every topic under {@code prefix} (probes included); closing the result disconnects.
     *
     * @param prefix the run's own topic prefix
     * @param runId unique per run, for client ids, topic and group names
     */
    AutoCloseable start(String prefix, String runId, MessageCounter counter) throws Exception;

    /** What the last run saw besides the count, one line, printed after its figures; empty when nothing. */
    default String details() {
        return "";
    }
}
