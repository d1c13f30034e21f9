package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.kafka.LatencyRecorder.Latencies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * The two kinds of run of the {@code kafka-io} benchmark, each with a consumer group of its own: draining a backlog
 * produced ahead of time (throughput), and keeping up with a paced producer (end-to-end latency).
 */
final class IoRuns {
    /** Readings sent before the paced ones, to see the contender joined its group and handling. */
    static final long PROBES = 1_000;

    private static final Duration PACED_DRAIN_TIMEOUT = Duration.ofSeconds(60);
    private static final long SETTLE_MILLIS = 1_000;
    private static final long WAIT_STEP_MILLIS = 20;

    private final String bootstrapServers;
    private final Duration io;
    private final int keys;
    private final CpuTime.Clock cpuClock;
    private int runs;
    private int pacedRuns;

    /**
     * One backlog run.
     *
     * @param measurement throughput and CPU time
     * @param orderViolations readings handled before an earlier one of their key
     */
    record Backlog(Measurement measurement, long orderViolations) {}

    /**
     * One paced run.
     *
     * @param latencies end-to-end latencies of the paced readings
     * @param rateReached readings per second the producer reached
     * @param orderViolations readings handled before an earlier one of their key
     */
    record Paced(Latencies latencies, double rateReached, long orderViolations) {}

    IoRuns(String bootstrapServers, Duration io, int keys, CpuTime.Clock cpuClock) {
        this.bootstrapServers = bootstrapServers;
        this.io = io;
        this.keys = keys;
        this.cpuClock = cpuClock;
    }

    /** Reads {@code topic} from its beginning until {@code records} are handled; the clock runs from the first. */
    Backlog backlog(IoContender contender, String topic, long records) throws Exception {
        String groupId = settleAndName(contender);
        ReadingCounter counter = new ReadingCounter(records, cpuClock);
        SimulatedIo handler = new SimulatedIo(io, counter::add);
        try (AutoCloseable running = contender.start(topic, groupId, handler)) {
            counter.open();
            Measurement measurement =
                    counter.await(contender.name(), contender.consumerClientId(groupId), Contender.RUN_TIMEOUT);
            return new Backlog(measurement, handler.orderViolations());
        }
    }

    /**
     * Starts the contender on a new topic, waits until it handled {@link #PROBES} readings, then sends {@code rate}
     * readings per second for {@code seconds} and waits until it handled them all.
     *
     * @throws TimeoutException when it does not keep up within {@link #PACED_DRAIN_TIMEOUT}
     */
    Paced paced(IoContender contender, long rate, long seconds) throws Exception {
        String groupId = settleAndName(contender);
        String topic = pacedTopic(++pacedRuns);
        LatencyRecorder latencies = new LatencyRecorder(Clock.systemUTC());
        LongAdder handled = new LongAdder();
        SimulatedIo handler = new SimulatedIo(io, reading -> {
            latencies.handled(reading);
            handled.increment();
        });
        try (AutoCloseable running = contender.start(topic, groupId, handler);
                PacedProducer producer = new PacedProducer(bootstrapServers, topic, keys)) {
            producer.probe(PROBES);
            awaitHandled(contender, handled, PROBES, Contender.RUN_TIMEOUT, "the probe readings");
            latencies.start(Instant.now());
            double reached = producer.pace(rate, seconds);
            awaitHandled(contender, handled, producer.sent(), PACED_DRAIN_TIMEOUT, "the paced readings");
            return new Paced(latencies.latencies(), reached, handler.orderViolations());
        }
    }

    /** Lets the previous run's garbage and threads go first; names a consumer group never used before. */
    private String settleAndName(IoContender contender) throws InterruptedException {
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
        runs++;
        return String.format(Locale.ROOT, "benchmark-io-%s-%d-%d", contender.name(), runs, System.currentTimeMillis());
    }

    private static void awaitHandled(
            IoContender contender, LongAdder handled, long target, Duration timeout, String what)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handled.sum() < target) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The " + contender.name() + " handled " + handled.sum() + " of " + target
                        + " readings within " + timeout + " while waiting for " + what
                        + ": it does not keep up; lower --paced-rate");
            }
            Thread.sleep(WAIT_STEP_MILLIS);
        }
    }

    /** The topic of the {@code number}-th paced run (from 1), created by {@link #createTopics} ahead of time. */
    static String pacedTopic(int number) {
        return "io-paced-" + number;
    }

    /**
     * Creates topics of {@link KafkaIoBenchmark#PARTITIONS} partitions and waits until each partition has a leader:
     * an idempotent producer that writes to a partition before its leader is ready can be stuck retrying with
     * {@code OUT_OF_ORDER_SEQUENCE_NUMBER} until its delivery timeout (seen here once).
     */
    static void createTopics(String bootstrapServers, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics.stream()
                            .map(topic -> new NewTopic(topic, KafkaIoBenchmark.PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!allLed(admin, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("The partitions of " + topics + " have no leader after 30 s");
                }
                Thread.sleep(WAIT_STEP_MILLIS);
            }
        }
    }

    private static boolean allLed(Admin admin, List<String> topics) throws Exception {
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
        return descriptions.values().stream()
                .flatMap(description -> description.partitions().stream())
                .allMatch(partition -> partition.leader() != null);
    }
}
