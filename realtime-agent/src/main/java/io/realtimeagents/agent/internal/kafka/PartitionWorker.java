package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.StopSignal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the records of one partition, in order, on its own virtual thread. The poll loop hands it batches; it
 * publishes the offset up to which every record is done, which the poll loop commits.
 */
final class PartitionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionWorker.class);
    private static final List<ConsumerRecord<byte[], byte[]>> STOP = List.of();

    private final TopicPartition partition;
    private final RecordProcessor processor;
    private final LinkedBlockingQueue<List<ConsumerRecord<byte[], byte[]>>> batches = new LinkedBlockingQueue<>();
    private final AtomicLong bufferedBytes = new AtomicLong();
    private final StopSignal stop = new StopSignal();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long nextOffset = -1;
    private volatile Throwable failure;

    PartitionWorker(TopicPartition partition, RecordProcessor processor) {
        this.partition = partition;
        this.processor = processor;
    }

    /** Starts the worker's thread. */
    void start() {
        Thread.ofVirtual().name("realtime-kafka-" + partition).start(this::run);
    }

    /** Queues records polled for this partition. */
    void enqueue(List<ConsumerRecord<byte[], byte[]>> records) {
        long bytes = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            bytes += size(record);
        }
        bufferedBytes.addAndGet(bytes);
        batches.add(records);
    }

    /** Bytes of keys and values queued or in progress. */
    long bufferedBytes() {
        return bufferedBytes.get();
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
    }

    /** Whether a retry backoff is waiting, so fetching more for this partition is pointless. */
    boolean isWaiting() {
        return stop.isWaiting();
    }

    /** The offset to commit (last finished record + 1), or -1 when no record has finished yet. */
    long nextOffset() {
        return nextOffset;
    }

    /** An unexpected error that stopped the worker, or null. */
    Throwable failure() {
        return failure;
    }

    /** Asks the worker to stop after the record in progress; queued records are left for redelivery. */
    void stop() {
        stop.stop();
        batches.add(STOP);
    }

    /** Waits for the worker to stop; true when it did in time. */
    boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    TopicPartition partition() {
        return partition;
    }

    private void run() {
        try {
            while (!stop.isStopped()) {
                List<ConsumerRecord<byte[], byte[]>> batch = batches.take();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (stop.isStopped() || !processor.process(record, stop)) {
                        return;
                    }
                    nextOffset = record.offset() + 1;
                    bufferedBytes.addAndGet(-size(record));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
            LOG.error("The worker of partition {} stopped on an unexpected error", partition, e);
        } finally {
            finished.countDown();
        }
    }
}
