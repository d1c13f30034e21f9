package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.internal.delivery.FailStop;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.KafkaOrdering;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll loop: one thread owns the consumer, hands each partition's records to that partition's
 * {@link PartitionWorker}, pauses partitions whose worker is backing off or has a full buffer (and keeps polling, so
 * slow handlers never exceed {@code max.poll.interval.ms}), and commits the offsets of done records (handled, and
 * their outputs acknowledged): periodically, before partitions are revoked, and at shutdown.
 *
 * <p>Over 300 lines because polling, pausing, committing and rebalancing share the consumer, which only the loop's
 * thread may touch; split, that confinement would span classes.
 */
public final class KafkaConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** While a partition is paused for a full buffer, poll often so it resumes as soon as its worker drains. */
    private static final Duration DRAINING_POLL_TIMEOUT = Duration.ofMillis(5);

    private final Consumer<byte[], byte[]> consumer;
    private final Collection<String> topics;
    private final RecordProcessor processor;
    private final AgentMetrics metrics;
    private final ConsumerLoopSettings settings;
    // Concurrent: close() stops the workers from the closing thread, so none starts a record after close began.
    private final Map<TopicPartition, PartitionWorker> workers = new ConcurrentHashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private final Set<TopicPartition> pausedByUs = new HashSet<>();
    private final ConsumerMeters meters;
    private final FailureListener onFailure;
    private final FailStop failStop;
    private final long startedNanos = System.nanoTime();
    private volatile Throwable failure;
    private final ConsumerStatus status = new ConsumerStatus();
    private final Semaphore permits;
    private volatile boolean running;
    private Thread thread;
    private long lastCommitNanos = System.nanoTime();
    private boolean draining;

    KafkaConsumerLoop(
            Consumer<byte[], byte[]> consumer,
            Collection<String> topics,
            RecordProcessor processor,
            AgentMetrics metrics,
            ConsumerLoopSettings settings,
            FailStop failStop,
            FailureListener onFailure) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.processor = processor;
        this.metrics = metrics;
        this.settings = settings;
        this.onFailure = onFailure;
        this.failStop = failStop;
        this.permits = new Semaphore(settings.maxInFlight());
        this.meters = new ConsumerMeters(metrics.registry());
        if (settings.ordering() != KafkaOrdering.PARTITION) {
            meters.concurrency(permits, settings.maxInFlight(), workers);
        }
    }

    /** Starts polling on a thread of its own. */
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("realtime-kafka-poll").start(this::run);
    }

    /** What probes and the status endpoint report. */
    public ConsumerStatus status() {
        return status;
    }

    /** Stops polling, lets in-flight records finish (bounded by the shutdown timeout), commits and closes. */
    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
        }
        // Records already running finish; none starts after this, even before the poll loop sees the flag.
        workers.values().forEach(PartitionWorker::stop);
        // No consumer.wakeup(): a pending wakeup would abort the final commit. The loop sees the flag within one
        // poll timeout.
        if (current != null) {
            try {
                current.join(settings.shutdownTimeout().plusSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                if (failStop.failure() != null) {
                    // Stops as on any error, before polling more: done records are committed, the failed one not.
                    throw failStop.failure();
                }
                ConsumerRecords<byte[], byte[]> records =
                        consumer.poll(draining ? DRAINING_POLL_TIMEOUT : POLL_TIMEOUT);
                status.polled();
                if (!records.isEmpty()) {
                    dispatch(records);
                }
                checkWorkers();
                reconcilePauses();
                if (System.nanoTime() - lastCommitNanos
                        >= settings.commitInterval().toNanos()) {
                    commitAsync();
                    updateLag();
                }
            }
        } catch (Throwable e) {
            failure = e;
            status.failed(e);
            if (e instanceof VirtualMachineError) {
                LOG.error("The Kafka consumer loop of topics {} stopped", topics, e);
            } // other errors are the listener's to report: it restarts the loop, and keeps the log quiet meanwhile
        } finally {
            shutdown();
        }
        if (failure != null && running) {
            onFailure.failed(this, failure);
        }
    }

    /** How long the loop has been running. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Told when a loop stopped on an error, after it committed what was done and closed its consumer. */
    @FunctionalInterface
    interface FailureListener {
        void failed(KafkaConsumerLoop loop, Throwable error);
    }

    private void dispatch(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(partition);
            PartitionWorker worker = workers.get(partition);
            if (worker == null) {
                worker = startWorker(partition, new HashSet<>());
            }
            worker.enqueue(batch);
            metrics.consumed("kafka", partition.topic(), batch.size());
        }
    }

    private void checkWorkers() {
        for (PartitionWorker worker : workers.values()) {
            if (worker.failure() != null) {
                throw new KafkaException("Partition worker " + worker.partition() + " failed", worker.failure());
            }
        }
    }

    private void reconcilePauses() {
        long high = settings.partitionBufferBytes();
        List<TopicPartition> toPause = new ArrayList<>();
        List<TopicPartition> toResume = new ArrayList<>();
        draining = false;
        for (PartitionWorker worker : workers.values()) {
            TopicPartition partition = worker.partition();
            boolean hold = worker.isWaiting() || worker.bufferedBytes() >= high;
            draining |= pausedByUs.contains(partition) && !worker.isWaiting();
            if (hold && pausedByUs.add(partition)) {
                toPause.add(partition);
            } else if (!hold && worker.bufferedBytes() <= high / 2 && pausedByUs.remove(partition)) {
                toResume.add(partition);
            }
        }
        if (!toPause.isEmpty()) {
            consumer.pause(toPause);
        }
        if (!toResume.isEmpty()) {
            consumer.resume(toResume);
        }
        status.paused(pausedByUs);
    }

    private Map<TopicPartition, OffsetAndMetadata> finishedOffsets(Collection<PartitionWorker> of) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionWorker worker : of) {
            OffsetAndMetadata next = worker.committable();
            OffsetAndMetadata done = committed.get(worker.partition());
            if (next != null && !next.equals(done) && (done == null || next.offset() >= done.offset())) {
                offsets.put(worker.partition(), next);
            }
        }
        return offsets;
    }

    private void commitAsync() {
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> offsets = finishedOffsets(workers.values());
        if (offsets.isEmpty()) {
            return;
        }
        // The callback runs on this thread, inside a later poll or commit call.
        consumer.commitAsync(offsets, (done, error) -> {
            if (error != null) {
                LOG.debug("Asynchronous commit of {} failed, the next one retries: {}", offsets, error.toString());
            } else {
                done.forEach(this::committed);
            }
        });
    }

    private void commitSync(Collection<PartitionWorker> of) {
        Map<TopicPartition, OffsetAndMetadata> offsets = finishedOffsets(of);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, settings.shutdownTimeout());
            offsets.forEach(this::committed);
        } catch (KafkaException e) {
            LOG.warn("Cannot commit offsets {}; those records will be delivered again: {}", offsets, e.toString());
        }
    }

    private void committed(TopicPartition partition, OffsetAndMetadata offset) {
        committed.merge(partition, offset, (a, b) -> b.offset() >= a.offset() ? b : a);
    }

    private void updateLag() {
        for (TopicPartition partition : workers.keySet()) {
            consumer.currentLag(partition).ifPresent(value -> meters.lag(partition, value));
        }
    }

    private PartitionWorker startWorker(TopicPartition partition, Set<Long> doneBefore) {
        PartitionWorker worker = switch (settings.ordering()) {
            case PARTITION -> new SequentialWorker(partition, processor);
            case KEY -> new ConcurrentWorker(partition, processor, permits, true, doneBefore);
            case UNORDERED -> new ConcurrentWorker(partition, processor, permits, false, doneBefore);
        };
        workers.put(partition, worker);
        worker.start();
        meters.assigned(partition);
        return worker;
    }

    /** Stops the workers of the given partitions and waits (bounded) for their in-flight records. */
    private List<PartitionWorker> stopWorkers(Collection<TopicPartition> partitions) {
        List<PartitionWorker> stopped = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            PartitionWorker worker = workers.remove(partition);
            if (worker != null) {
                worker.stop();
                stopped.add(worker);
            }
            pausedByUs.remove(partition);
            meters.revoked(partition);
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        List<PartitionWorker> withOutputs = new ArrayList<>();
        try {
            for (PartitionWorker worker : stopped) {
                if (!worker.awaitStopped(left(deadline))) {
                    LOG.warn(
                            "A handler of partition {} is still running after {}; its record will be delivered"
                                    + " again",
                            worker.partition(),
                            settings.shutdownTimeout());
                } else if (worker.inFlight() > 0) {
                    withOutputs.add(worker);
                }
            }
            if (!withOutputs.isEmpty()) {
                flushOutputs();
            }
            for (PartitionWorker worker : withOutputs) {
                if (!worker.awaitOutputs(left(deadline))) {
                    LOG.warn(
                            "Outputs of {} handled record(s) of partition {} were not acknowledged within {}; those"
                                    + " records will be delivered again",
                            worker.inFlight(),
                            worker.partition(),
                            settings.shutdownTimeout());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return stopped;
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private void flushOutputs() {
        try {
            settings.flushOutputs().run();
        } catch (RuntimeException e) {
            LOG.warn("Could not flush the outputs of handled records: {}", e.toString());
        }
    }

    private void shutdown() {
        try {
            List<PartitionWorker> stopped = stopWorkers(new ArrayList<>(workers.keySet()));
            commitSync(stopped);
        } catch (RuntimeException e) {
            LOG.warn("Error while stopping the consumer of topics {}: {}", topics, e.toString());
        } finally {
            consumer.close(CloseOptions.timeout(settings.shutdownTimeout()));
            meters.close();
            status.stopped();
        }
    }

    /** The last commits of newly assigned partitions, whose metadata names records done beyond them. */
    private Map<TopicPartition, OffsetAndMetadata> lastCommits(Collection<TopicPartition> partitions) {
        if (settings.ordering() == KafkaOrdering.PARTITION || partitions.isEmpty()) {
            return Map.of();
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
            consumer.committed(Set.copyOf(partitions), settings.shutdownTimeout())
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            last.put(partition, offset);
                        }
                    });
            return last;
        } catch (KafkaException e) {
            LOG.warn(
                    "Cannot read the last commits of {}; records done after them are handled again: {}",
                    partitions,
                    e.toString());
            return Map.of();
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("Partitions revoked: {}", partitions);
                commitSync(stopWorkers(partitions));
                partitions.forEach(committed::remove);
            }
            status.assigned(consumer.assignment(), false);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                LOG.info("Partitions assigned: {}", partitions);
            }
            Map<TopicPartition, OffsetAndMetadata> last = lastCommits(partitions);
            for (TopicPartition partition : partitions) {
                if (!workers.containsKey(partition)) {
                    startWorker(partition, OffsetTracker.decode(last.get(partition)));
                }
            }
            status.assigned(consumer.assignment(), true);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            LOG.warn("Partitions lost: {}; their unfinished records will be delivered again", partitions);
            stopWorkers(partitions);
            partitions.forEach(committed::remove);
            status.assigned(consumer.assignment(), false);
        }
    }
}
