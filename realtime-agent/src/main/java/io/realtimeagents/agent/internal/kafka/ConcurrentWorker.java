package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.MessageDispatcher.Retry;
import io.realtimeagents.agent.internal.delivery.Outcome;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles the records of one partition concurrently ({@code KAFKA_ORDERING} {@code key} or {@code unordered}), each on
 * a virtual thread, at most as many at once across the agent as its permits allow. With {@code key}, records of one
 * key run one after the other in offset order (a record without a key has no order to keep); a record of a key whose
 * earlier record is still running waits behind it, without holding back other keys.
 *
 * <p>A record is done once handled and its outputs acknowledged; its retries (handler failures, failed outputs)
 * happen on its own thread, so a retrying record holds only its key. The offset to commit is the lowest record not
 * done, and the records done beyond it travel in the commit's metadata ({@link OffsetTracker}); after a restart or a
 * rebalance the records named there are skipped, so only unfinished records are handled again.
 */
final class ConcurrentWorker extends PolledPartitionWorker {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentWorker.class);
    private static final long PERMIT_CHECK_MILLIS = 50;

    private final Semaphore permits;
    private final boolean byKey;
    private final Set<Long> doneBefore;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Map<ByteBuffer, ArrayDeque<ConsumerRecord<byte[], byte[]>>> keys = new HashMap<>(); // guarded
    private final CountDownLatch dispatched = new CountDownLatch(1);
    private int running; // guarded by this
    private int waiting; // guarded by keys

    /**
     * @param permits the agent's bound on records handled at once, shared by its partitions
     * @param byKey whether records of one key keep their order
     * @param doneBefore offsets named done by the last commit's metadata: skipped when they come again
     */
    ConcurrentWorker(
            TopicPartition partition,
            RecordProcessor processor,
            Semaphore permits,
            boolean byKey,
            Set<Long> doneBefore) {
        super(partition, processor);
        this.permits = permits;
        this.byKey = byKey;
        this.doneBefore = doneBefore;
    }

    @Override
    public boolean isWaiting() {
        return false; // a retrying record holds only its key
    }

    @Override
    public OffsetAndMetadata committable() {
        return offsets.committable();
    }

    @Override
    public int inFlight() {
        return offsets.unfinished();
    }

    /** Records waiting behind a running record of their key. */
    int waitingForKey() {
        synchronized (keys) {
            return waiting;
        }
    }

    /** Records done beyond the lowest unfinished one, not yet covered by the committed offset. */
    int doneAhead() {
        return offsets.doneAhead();
    }

    @Override
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!dispatched.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        synchronized (this) {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }

    @Override
    public boolean awaitOutputs(Duration timeout) {
        return true; // a record's thread waits for its outputs before it ends
    }

    /** Takes the polled records in order and starts each (or queues it behind its key), within the permits. */
    @Override
    void run() {
        try {
            while (!stop.isStopped()) {
                List<ConsumerRecord<byte[], byte[]>> batch = polled.take();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (stop.isStopped()) {
                        return;
                    }
                    if (doneBefore.remove(record.offset())) {
                        offsets.started(record.offset());
                        offsets.done(record.offset());
                        polled.release(record);
                    } else if (!acquire()) {
                        return;
                    } else {
                        begin(record);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            dispatched.countDown();
        }
    }

    private boolean acquire() throws InterruptedException {
        while (!permits.tryAcquire(PERMIT_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stop.isStopped()) {
                return false;
            }
        }
        return true;
    }

    private void begin(ConsumerRecord<byte[], byte[]> record) {
        offsets.started(record.offset());
        synchronized (this) {
            running++;
        }
        if (!byKey || record.key() == null) {
            Thread.ofVirtual().start(() -> runOne(record));
            return;
        }
        ByteBuffer key = ByteBuffer.wrap(record.key());
        synchronized (keys) {
            ArrayDeque<ConsumerRecord<byte[], byte[]>> behind = keys.get(key);
            if (behind != null) {
                behind.add(record);
                waiting++;
                return;
            }
            keys.put(key, new ArrayDeque<>());
        }
        Thread.ofVirtual().start(() -> runKey(key, record));
    }

    /** Runs a key's records one after the other until none is waiting. */
    private void runKey(ByteBuffer key, ConsumerRecord<byte[], byte[]> first) {
        ConsumerRecord<byte[], byte[]> record = first;
        while (record != null) {
            runOne(record);
            synchronized (keys) {
                record = keys.get(key).poll();
                if (record == null) {
                    keys.remove(key);
                } else {
                    waiting--;
                }
            }
        }
    }

    private void runOne(ConsumerRecord<byte[], byte[]> record) {
        try {
            if (!stop.isStopped() && handle(record)) {
                offsets.done(record.offset());
            }
        } catch (OutOfMemoryError e) {
            failure = e;
            LOG.error("The worker of partition {} stopped: out of memory", partition, e);
            stop();
        } finally {
            polled.release(record);
            permits.release();
            synchronized (this) {
                running--;
                notifyAll();
            }
        }
    }

    /** Handles a record until it is done (outputs acknowledged, or dead-lettered); false when stopped first. */
    private boolean handle(ConsumerRecord<byte[], byte[]> record) {
        int firstAttempt = 1;
        while (true) {
            Outcome outcome = processor.processGuarded(record, firstAttempt, stop);
            if (!outcome.finished()) {
                return false;
            }
            try {
                outcome.outputs().join();
                return true;
            } catch (CompletionException e) {
                Retry retry = processor.afterOutputFailure(record, outcome, outcome.outputFailure(), stop);
                if (retry != Retry.AGAIN) {
                    return retry == Retry.SETTLED;
                }
                firstAttempt = outcome.attempt() + 1;
            }
        }
    }
}
