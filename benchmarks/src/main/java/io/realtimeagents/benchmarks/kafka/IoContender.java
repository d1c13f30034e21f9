package io.realtimeagents.benchmarks.kafka;

/** One way of consuming a topic whose handler waits on I/O, in the {@code kafka-io} benchmark. */
interface IoContender {
    /** E.g. {@code agent-key}, {@code parallel-consumer}. */
    String name();

    /**
     * Starts reading {@code topic} from its beginning with a new consumer group, passing every decoded reading to
     * {@code handler}, until the returned handle is closed.
     *
     * @param groupId a consumer group never used before
     * @throws Exception when it cannot start
     */
    AutoCloseable start(String topic, String groupId, ReadingHandler handler) throws Exception;

    /** The client id of its consumer in the group {@code groupId}, as {@link ConsumerMetrics#describe} takes it. */
    String consumerClientId(String groupId);
}
