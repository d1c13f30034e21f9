package io.realtimeagents.agent.internal.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records the poll loop handed to one partition's worker: a queue of batches, and the bytes of keys and values
 * the worker holds (queued, in progress, or handled and waiting for their outputs) until it releases them. The poll
 * loop pauses the partition on those bytes. Thread-safe.
 */
final class PolledBatches {
    private final LinkedBlockingQueue<List<ConsumerRecord<byte[], byte[]>>> batches = new LinkedBlockingQueue<>();
    // Identity markers in the queue: they end a wait for the next batch without bringing records.
    private final List<ConsumerRecord<byte[], byte[]>> marker = Collections.unmodifiableList(new ArrayList<>());
    private final AtomicLong bytes = new AtomicLong();

    /** Queues a polled batch; its bytes count until released. */
    void add(List<ConsumerRecord<byte[], byte[]>> records) {
        long total = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            total += size(record);
        }
        bytes.addAndGet(total);
        batches.add(records);
    }

    /** The next batch, waiting for one; empty when {@link #wake woken} instead. */
    List<ConsumerRecord<byte[], byte[]>> take() throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> next = batches.take();
        return next == marker ? List.of() : next;
    }

    /** Ends the worker's current or next wait for a batch (to stop, or to look at its records in flight). */
    void wake() {
        batches.add(marker);
    }

    /** The worker is done holding a record. */
    void release(ConsumerRecord<byte[], byte[]> record) {
        bytes.addAndGet(-size(record));
    }

    /** Bytes of the records held. */
    long bytes() {
        return bytes.get();
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
    }
}
