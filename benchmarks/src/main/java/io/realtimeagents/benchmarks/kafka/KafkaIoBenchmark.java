package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.benchmarks.JvmCheck;
import io.realtimeagents.benchmarks.kafka.IoRuns.Backlog;
import io.realtimeagents.benchmarks.kafka.IoRuns.Paced;
import io.realtimeagents.benchmarks.kafka.ReadingProducer.Produced;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.KafkaOrdering;
import java.time.Duration;
import java.util.Locale;

/**
 * Key-ordered concurrency with a handler that waits on I/O: the agent in {@code key} mode against itself in
 * {@code partition} mode and against Confluent Parallel Consumer in key order with the same concurrency bound. Against
 * one broker in its own JVM it produces a backlog once, then measures throughput draining it (warm-up key and
 * Parallel Consumer, then key, Parallel Consumer, key, and partition on a prefix), then end-to-end latency under a
 * paced producer (key, Parallel Consumer, key), and prints the ratios against the targets.
 */
public final class KafkaIoBenchmark implements Benchmark {
    /** Partitions of the benchmark topics. */
    public static final int PARTITIONS = KafkaThroughputBenchmark.PARTITIONS;

    private static final String TOPIC = "io-readings";
    private static final String BROKER_HEAP = "1g";
    private static final double PACE_TOLERANCE = 0.95;

    private final Report report = new Report(System.out);

    @Override
    public String name() {
        return "kafka-io";
    }

    @Override
    public String description() {
        return "a handler waiting on I/O: the agent with KAFKA_ORDERING=key against partition and Parallel Consumer";
    }

    @Override
    public String optionsHelp() {
        return "--records=N            backlog records, drained by each key and Parallel Consumer run (default "
                + IoOptions.DEFAULT_RECORDS + ")\n--keys=N               distinct record keys (default "
                + IoOptions.DEFAULT_KEYS
                + ")\n--io-ms=N              milliseconds each record's handler waits (default "
                + IoOptions.DEFAULT_IO_MS
                + ")\n--max-in-flight=N      the agent's KAFKA_MAX_IN_FLIGHT and Parallel Consumer's maxConcurrency"
                + " (default " + AgentSettings.KAFKA_MAX_IN_FLIGHT.defaultValue()
                + ")\n--partition-records=N  records of the backlog's prefix that partition mode handles (default "
                + IoOptions.DEFAULT_PARTITION_RECORDS
                + ")\n--warmup-records=N     records per discarded warm-up run (default "
                + IoOptions.DEFAULT_WARMUP_RECORDS
                + ")\n--paced-rate=N         records/s sent in the latency phase (default "
                + IoOptions.DEFAULT_PACED_RATE + ")\n--paced-seconds=N      how long each latency run sends (default "
                + IoOptions.DEFAULT_PACED_SECONDS
                + ")\n--paced-warmup-seconds=N  how long each discarded latency warm-up"
                + " sends, 0 for none (default " + IoOptions.DEFAULT_PACED_WARMUP_SECONDS + ")";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        IoOptions settings = IoOptions.read(options);
        JvmCheck jvm = JvmCheck.run();
        report.line(jvm.description());
        jvm.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        report.line(settings.toString());
        try (BrokerProcess broker = BrokerProcess.start(BROKER_HEAP)) {
            String servers = broker.bootstrapServers();
            IoRuns.createTopic(servers, TOPIC);
            Produced produced = ReadingProducer.produce(servers, TOPIC, settings.records(), settings.keys());
            report.produced(produced);
            IoRuns runs = new IoRuns(
                    servers, Duration.ofMillis(settings.ioMs()), settings.keys(), CpuTime.Clock.of(broker::cpuNanos));
            IoContender key = new IoAgentContender(servers, KafkaOrdering.KEY, settings.maxInFlight());
            IoContender partition = new IoAgentContender(servers, KafkaOrdering.PARTITION, settings.maxInFlight());
            BaselineRuns parallelConsumer =
                    new BaselineRuns(new ParallelConsumerContender(servers, settings.maxInFlight()), report);
            IoVerdict verdict = compare(runs, settings, produced, key, partition, parallelConsumer);
            report.line("");
            verdict.targets().forEach(target -> report.line(target.toString()));
            parallelConsumer.failure().ifPresent(failure -> report.line("parallel-consumer could not run: " + failure));
        }
    }

    private IoVerdict compare(
            IoRuns runs,
            IoOptions settings,
            Produced produced,
            IoContender key,
            IoContender partition,
            BaselineRuns parallelConsumer)
            throws Exception {
        String discarded = ", discarded";
        backlog("warm-up", runs.backlog(key, TOPIC, settings.warmupRecords()), discarded);
        parallelConsumer.backlog("warm-up", runs, TOPIC, settings.warmupRecords(), discarded);
        Backlog key1 = checked("run 1", runs.backlog(key, TOPIC, produced.records()), produced);
        Backlog pc = parallelConsumer.backlog("run 2", runs, TOPIC, produced.records(), "");
        Backlog key2 = checked("run 3", runs.backlog(key, TOPIC, produced.records()), produced);
        Backlog prefix = runs.backlog(partition, TOPIC, settings.partitionRecords());
        backlog("run 4", prefix, ", the first " + settings.partitionRecords() + " records only");
        long rate = settings.pacedRate();
        if (settings.pacedWarmupSeconds() > 0) {
            paced("warm-up", key.name(), runs.paced(key, rate, settings.pacedWarmupSeconds()), rate);
            Paced warmup = parallelConsumer.paced(runs, rate, settings.pacedWarmupSeconds());
            if (warmup != null) {
                paced("warm-up", parallelConsumer.name(), warmup, rate);
            }
        }
        Paced keyPaced1 = paced("paced 1", key.name(), runs.paced(key, rate, settings.pacedSeconds()), rate);
        Paced pcPaced = parallelConsumer.paced(runs, rate, settings.pacedSeconds());
        if (pcPaced != null) {
            paced("paced 2", parallelConsumer.name(), pcPaced, rate);
        }
        Paced keyPaced2 = paced("paced 3", key.name(), runs.paced(key, rate, settings.pacedSeconds()), rate);
        double keyRate = (key1.measurement().rate() + key2.measurement().rate()) / 2;
        double keyP99 =
                (keyPaced1.latencies().p99Millis() + keyPaced2.latencies().p99Millis()) / 2;
        report.line(String.format(
                Locale.ROOT,
                "key %,.0f rec/s (the two key runs differ by %.1f%%) | partition %,.0f rec/s | parallel-consumer %s"
                        + " | p99 key %.1f ms, parallel-consumer %s",
                keyRate,
                Math.abs(key1.measurement().rate() - key2.measurement().rate()) / keyRate * 100,
                prefix.measurement().rate(),
                pc == null
                        ? "not measured"
                        : String.format(
                                Locale.ROOT, "%,.0f rec/s", pc.measurement().rate()),
                keyP99,
                pcPaced == null
                        ? "not measured"
                        : String.format(
                                Locale.ROOT, "%.1f ms", pcPaced.latencies().p99Millis())));
        return new IoVerdict(
                keyRate,
                prefix.measurement().rate(),
                pc == null ? Double.NaN : pc.measurement().rate(),
                keyP99,
                pcPaced == null ? Double.NaN : pcPaced.latencies().p99Millis());
    }

    private Backlog checked(String label, Backlog run, Produced produced) {
        backlog(label, run, "");
        if (run.measurement().checksum() != produced.checksum()) {
            throw new IllegalStateException("The " + run.measurement().contender() + " run read other records than"
                    + " were produced: heart-rate checksum " + run.measurement().checksum() + ", expected "
                    + produced.checksum());
        }
        return run;
    }

    private void backlog(String label, Backlog run, String note) {
        report.run(label, run.measurement(), note + "; key order violations: " + run.orderViolations());
    }

    private Paced paced(String label, String contender, Paced run, long rate) {
        report.line(String.format(
                Locale.ROOT,
                "%-8s %-17s latency %s, sent at %,.0f rec/s; key order violations: %d",
                label,
                contender,
                run.latencies(),
                run.rateReached(),
                run.orderViolations()));
        if (run.rateReached() < PACE_TOLERANCE * rate) {
            System.err.printf(
                    Locale.ROOT, "Warning: the producer reached %,.0f of %,d rec/s%n", run.rateReached(), rate);
        }
        return run;
    }
}
