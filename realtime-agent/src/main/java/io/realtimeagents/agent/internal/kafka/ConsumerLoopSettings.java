package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.common.config.KafkaOrdering;
import java.time.Duration;

/**
 * Tuning of a consumer loop.
 *
 * @param partitionBufferBytes bytes of records buffered per partition before it is paused
 * @param commitInterval how often finished offsets are committed
 * @param shutdownTimeout how long revocation and shutdown wait for in-flight records and their outputs
 * @param flushOutputs sends at once what handlers produced, so revocation and shutdown need not wait out batching
 * @param ordering in what order records are handled
 * @param maxInFlight records handled at once across partitions, with the concurrent orderings
 */
record ConsumerLoopSettings(
        long partitionBufferBytes,
        Duration commitInterval,
        Duration shutdownTimeout,
        Runnable flushOutputs,
        KafkaOrdering ordering,
        int maxInFlight) {}
