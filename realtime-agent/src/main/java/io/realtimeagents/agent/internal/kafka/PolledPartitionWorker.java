package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.StopSignal;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What the partition workers share: the partition and its processor, the batches the poll loop hands over, the stop
 * signal, and the error that stopped the worker. Each worker runs its own loop over the batches on a virtual thread
 * named for the partition.
 */
abstract class PolledPartitionWorker implements PartitionWorker {
    final TopicPartition partition;
    final RecordProcessor processor;
    final PolledBatches polled = new PolledBatches();
    final StopSignal stop = new StopSignal();
    volatile Throwable failure;

    PolledPartitionWorker(TopicPartition partition, RecordProcessor processor) {
        this.partition = partition;
        this.processor = processor;
    }

    /** Takes the polled batches until stopped; runs on the worker's own thread. */
    abstract void run();

    @Override
    public final TopicPartition partition() {
        return partition;
    }

    @Override
    public final void start() {
        Thread.ofVirtual().name("realtime-kafka-" + partition).start(this::run);
    }

    @Override
    public final void enqueue(List<ConsumerRecord<byte[], byte[]>> records) {
        polled.add(records);
    }

    @Override
    public final long bufferedBytes() {
        return polled.bytes();
    }

    @Override
    public final Throwable failure() {
        return failure;
    }

    @Override
    public final void stop() {
        stop.stop();
        polled.wake();
    }
}
