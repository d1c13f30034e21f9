package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.Outcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of one partition that were handled but are not yet done, because outputs of theirs (or of a record
 * before them) are still on their way to the brokers. The offset to commit stops at the first record not yet done,
 * so a record counts as handled only when its outputs were acknowledged. Records with nothing outstanding before them
 * skip the queue. Their buffered bytes are released when they are done, so outputs that lag keep the partition's
 * back-pressure bounded.
 *
 * <p>Thread-safe: the partition's worker adds and rewinds, the poll loop reads the offset to commit.
 */
final class InFlightRecords {
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final PolledBatches polled;
    private long next = -1;

    /** @param polled the partition's polled records, whose bytes are released here as records become done */
    InFlightRecords(PolledBatches polled) {
        this.polled = polled;
    }

    /** A handled record and the outcome of its handling. */
    record Entry(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {}

    /** Records that the worker finished a record: done when nothing is outstanding, else in flight. */
    synchronized void finished(ConsumerRecord<byte[], byte[]> record, Outcome outcome) {
        next = record.offset() + 1;
        if (entries.isEmpty() && outcome.isComplete()) {
            polled.release(record);
        } else {
            entries.add(new Entry(record, outcome));
        }
    }

    /** The offset to commit: the first record not yet done; -1 when no record was finished yet. */
    synchronized long committable() {
        retireDone();
        return entries.isEmpty() ? next : entries.peek().record().offset();
    }

    /** Records in flight (handled, waiting for their outputs or for those of a record before them). */
    synchronized int size() {
        return entries.size();
    }

    /** Completes when every output of the records in flight completed, normally or not. */
    synchronized CompletableFuture<Void> settled() {
        return CompletableFuture.allOf(entries.stream()
                .map(entry -> entry.outcome().outputs().exceptionally(error -> null))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Once every output {@linkplain #settled settled}: takes the records in flight out, from the first that is not
     * done (the first whose outputs failed) on, to be handled again in order. The offset to commit stays at that
     * record until it is done.
     */
    synchronized List<Entry> rewind() {
        retireDone();
        List<Entry> taken = new ArrayList<>(entries);
        entries.clear();
        if (!taken.isEmpty()) {
            next = taken.get(0).record().offset();
        }
        return taken;
    }

    private void retireDone() {
        while (!entries.isEmpty() && entries.peek().outcome().isComplete()) {
            polled.release(entries.poll().record());
        }
    }
}
