package io.realtimeagents.agent.internal.kafka;

import java.time.Duration;

/**
 * Tuning of a consumer loop.
 *
 * @param partitionBufferBytes bytes of records buffered per partition before it is paused
 * @param commitInterval how often finished offsets are committed
 * @param shutdownTimeout how long revocation and shutdown wait for in-flight records
 */
record ConsumerLoopSettings(long partitionBufferBytes, Duration commitInterval, Duration shutdownTimeout) {}
