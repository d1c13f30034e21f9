package io.realtimeagents.agent.internal.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * The gauges of one consumer loop: lag per assigned partition and, with a concurrent ordering, records in flight,
 * waiting for their key and held back from the commit. Removed when their partition goes or the loop closes, so a
 * loop that replaces another (rotated credentials) reports its own state.
 */
final class ConsumerMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();
    private final List<Meter> loopGauges = new CopyOnWriteArrayList<>();

    ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the gauges of the concurrent orderings. */
    void concurrency(Semaphore permits, int maxInFlight, Map<TopicPartition, PartitionWorker> workers) {
        loopGauges.add(Gauge.builder("realtime.consumer.in.flight", permits, p -> maxInFlight - p.availablePermits())
                .description("Records being handled at once (KAFKA_ORDERING key or unordered)")
                .register(registry));
        loopGauges.add(Gauge.builder(
                        "realtime.consumer.key.waiting", workers, all -> sum(all, ConcurrentWorker::waitingForKey))
                .description("Records waiting behind a running record of their key")
                .register(registry));
        loopGauges.add(Gauge.builder(
                        "realtime.consumer.commit.lag", workers, all -> sum(all, ConcurrentWorker::doneAhead))
                .description("Records done but not yet covered by the committed offset, because an earlier record"
                        + " of their partition is still running")
                .register(registry));
    }

    private static double sum(Map<TopicPartition, PartitionWorker> workers, ToIntFunction<ConcurrentWorker> value) {
        int total = 0;
        for (PartitionWorker worker : workers.values()) {
            if (worker instanceof ConcurrentWorker concurrent) {
                total += value.applyAsInt(concurrent);
            }
        }
        return total;
    }

    /** A partition was assigned: its lag gauge appears. */
    void assigned(TopicPartition partition) {
        lagGauges.computeIfAbsent(
                partition,
                p -> Gauge.builder("realtime.consumer.lag", lag, values -> values.getOrDefault(p, 0L))
                        .description("Records in the partition not yet consumed by this agent")
                        .tags("topic", p.topic(), "partition", Integer.toString(p.partition()))
                        .register(registry));
    }

    /** The partition's latest lag. */
    void lag(TopicPartition partition, long value) {
        lag.put(partition, value);
    }

    /** A partition was revoked or lost: its lag gauge goes. */
    void revoked(TopicPartition partition) {
        lag.remove(partition);
        Gauge gauge = lagGauges.remove(partition);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    @Override
    public void close() {
        lagGauges.keySet().forEach(this::revoked);
        loopGauges.forEach(registry::remove);
        loopGauges.clear();
    }
}
