package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import io.realtimeagents.agent.internal.delivery.Outcome;
import io.realtimeagents.agent.internal.kafka.InFlightRecords.Entry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes the records of one partition one at a time, in order, on its own virtual thread ({@code KAFKA_ORDERING}
 * {@code partition}). The poll loop hands it batches; it
 * publishes the offset up to which every record is done (handled, and its outputs acknowledged), which the poll loop
 * commits.
 *
 * <p>The worker does not wait for a record's outputs before it handles the next record: they travel while it goes on.
 * When an output fails, the worker waits for the outputs in flight to settle, then handles the partition again from
 * that record on, as a redelivery would (after the retry backoff; when no retry is left, the failure strategy settles
 * the record, by default a dead letter with reason {@code output_failed}, and the records after it are handled again).
 * An unexpected error outside a handler is retried the same way and then settled with reason {@code internal_error}:
 * only the fail-stop strategy stops the consumer.
 */
final class SequentialWorker extends PolledPartitionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(SequentialWorker.class);
    private static final Duration SETTLE_CHECK = Duration.ofMillis(20);

    private final InFlightRecords inFlight = new InFlightRecords(polled);
    private final ArrayDeque<Replay> replays = new ArrayDeque<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private Iterator<ConsumerRecord<byte[], byte[]>> batch = Collections.emptyIterator();
    private volatile boolean outputFailed;

    SequentialWorker(TopicPartition partition, RecordProcessor processor) {
        super(partition, processor);
    }

    /** Whether a retry backoff is waiting, so fetching more for this partition is pointless. */
    @Override
    public boolean isWaiting() {
        return stop.isWaiting();
    }

    @Override
    public OffsetAndMetadata committable() {
        long next = inFlight.committable();
        return next < 0 ? null : new OffsetAndMetadata(next);
    }

    /** Records handled whose outputs (or those of a record before them) are still on their way. */
    @Override
    public int inFlight() {
        return inFlight.size();
    }

    /**
     * Waits, after the worker stopped, for the outputs of its records in flight, so that they can be committed.
     *
     * @return true when every output settled in time
     */
    @Override
    public boolean awaitOutputs(Duration timeout) throws InterruptedException {
        try {
            inFlight.settled().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Waits for the worker to stop; true when it did in time. */
    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    void run() {
        try {
            while (!stop.isStopped()) {
                if (outputFailed && !rewind()) {
                    return;
                }
                Replay next = next();
                if (next != null && !stop.isStopped() && !process(next)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OutOfMemoryError e) {
            failure = e;
            LOG.error("The worker of partition {} stopped: out of memory", partition, e);
        } finally {
            finished.countDown();
        }
    }

    /** The next record to process: one to handle again, else the next polled one; null when woken or stopped. */
    private Replay next() throws InterruptedException {
        if (!replays.isEmpty()) {
            return replays.poll();
        }
        if (!batch.hasNext()) {
            List<ConsumerRecord<byte[], byte[]>> taken = polled.take();
            if (taken.isEmpty()) {
                return null; // woken: stopped, or an output failed
            }
            batch = taken.iterator();
        }
        return batch.hasNext() ? new Replay(batch.next(), 1) : null;
    }

    /** Processes one record; false when stopped before it was done. */
    private boolean process(Replay replay) {
        ConsumerRecord<byte[], byte[]> record = replay.record();
        Outcome outcome = processor.processGuarded(record, replay.attempt(), stop);
        if (!outcome.finished()) {
            return false;
        }
        inFlight.finished(record, outcome);
        if (!outcome.outputs().isDone()) {
            outcome.outputs().whenComplete((ignored, error) -> {
                if (error != null) {
                    outputFailed = true;
                    polled.wake();
                }
            });
        } else if (outcome.outputs().isCompletedExceptionally()) {
            outputFailed = true; // only when it completed after the handler returned but before this check
        }
        return true;
    }

    /**
     * An output failed: waits for every output in flight to settle, then queues the records from the first one not
     * done on to be handled again, after the backoff; false when stopped first.
     */
    private boolean rewind() {
        outputFailed = false;
        CompletableFuture<Void> settled = inFlight.settled();
        while (!settled.isDone()) {
            if (stop.awaitStop(SETTLE_CHECK)) {
                return false;
            }
        }
        List<Entry> again = inFlight.rewind();
        if (again.isEmpty()) {
            return true;
        }
        Entry failed = again.get(0);
        Throwable error = failed.outcome().outputFailure();
        Retry retry = processor.afterOutputFailure(failed.record(), failed.outcome(), error, stop);
        if (retry == Retry.STOPPED) {
            return false;
        }
        List<Replay> queued = new ArrayList<>(again.size());
        if (retry == Retry.AGAIN) {
            queued.add(new Replay(failed.record(), failed.outcome().attempt() + 1));
        } else {
            inFlight.finished(failed.record(), Outcome.DONE); // settled by the failure strategy
        }
        for (Entry entry : again.subList(1, again.size())) {
            queued.add(new Replay(entry.record(), 1));
        }
        for (int i = queued.size() - 1; i >= 0; i--) {
            replays.addFirst(queued.get(i));
        }
        LOG.info(
                "Handling partition {} again from offset {} ({} record(s)) after an output failed",
                partition,
                failed.record().offset(),
                queued.size());
        return true;
    }

    /** A record to process, with the number of its first attempt. */
    private record Replay(ConsumerRecord<byte[], byte[]> record, int attempt) {}
}
