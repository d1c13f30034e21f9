package io.realtimeagents.agent.internal.kafka;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Handles the records of one assigned partition, as the poll loop hands them over, and publishes what may be
 * committed: offsets of records that are done (handled, and their outputs acknowledged). One per partition and
 * assignment; the poll loop is its only caller besides its own threads.
 */
interface PartitionWorker {
    /** The partition. */
    TopicPartition partition();

    /** Starts the worker's threads. */
    void start();

    /** Queues records polled for this partition. */
    void enqueue(List<ConsumerRecord<byte[], byte[]>> records);

    /** Bytes of keys and values queued, in progress, or handled with outputs outstanding. */
    long bufferedBytes();

    /** Whether the whole partition waits out a retry backoff, so fetching more for it is pointless. */
    boolean isWaiting();

    /** What to commit: the first record not yet done (with metadata), or null when none was done yet. */
    OffsetAndMetadata committable();

    /** Records handled or being handled that are not yet done. */
    int inFlight();

    /** An error that stopped the worker (the JVM ran out of memory), or null. */
    Throwable failure();

    /** Asks the worker to stop after the records in progress; queued records are left for redelivery. */
    void stop();

    /** Waits for the worker's threads to end; true when they did in time. */
    boolean awaitStopped(Duration timeout) throws InterruptedException;

    /** Waits, after the worker stopped, for the outputs of its records in flight; true when all settled in time. */
    boolean awaitOutputs(Duration timeout) throws InterruptedException;
}
