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
import java.util.stream.IntStream;

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
    /** Warm-up key and Parallel Consumer, then key, Parallel Consumer, key. */
    private static final int PACED_RUNS = 5;

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
            // The paced runs' topics too, long before they are written.
            IoRuns.createTopics(
                    servers,
                    IntStream.rangeClosed(0, PACED_RUNS)
                            .mapToObj(n -> n == 0 ? TOPIC : IoRuns.pacedTopic(n))
                            .toList());
            Produced produced = ReadingProducer.produce(servers, TOPIC, settings.records(), settings.keys());
            report.produced(produced);
            IoRuns runs = new IoRuns(
                    servers, Duration.ofMillis(settings.ioMs()), settings.keys(), CpuTime.Clock.of(broker::cpuNanos));
            Contenders contenders = new Contenders(
                    new IoAgentContender(servers, KafkaOrdering.KEY, settings.maxInFlight()),
                    new IoAgentContender(servers, KafkaOrdering.PARTITION, settings.maxInFlight()),
                    new BaselineRuns(new ParallelConsumerContender(servers, settings.maxInFlight()), report));
            Throughput throughput = throughput(runs, settings, produced, contenders);
            Latency latency = latency(runs, settings, contenders);
            headline(throughput, latency);
            IoVerdict verdict = new IoVerdict(
                    throughput.keyRate(),
                    throughput.partition().measurement().rate(),
                    throughput.parallelConsumerRate(),
                    latency.keyP99Millis(),
                    latency.parallelConsumerP99Millis());
            report.line("");
            verdict.targets().forEach(target -> report.line(target.toString()));
            contenders
                    .parallelConsumer()
                    .failure()
                    .ifPresent(failure -> report.line("parallel-consumer could not run: " + failure));
        }
    }

    /** The contenders: the agent in two orderings, and the baseline. */
    private record Contenders(IoContender key, IoContender partition, BaselineRuns parallelConsumer) {}

    /** The measured backlog runs; {@code parallelConsumer} is null when it failed. */
    private record Throughput(Backlog key1, Backlog parallelConsumer, Backlog key2, Backlog partition) {
        double keyRate() {
            return (key1.measurement().rate() + key2.measurement().rate()) / 2;
        }

        double parallelConsumerRate() {
            return parallelConsumer == null
                    ? Double.NaN
                    : parallelConsumer.measurement().rate();
        }
    }

    /** The measured paced runs; {@code parallelConsumer} is null when it failed. */
    private record Latency(Paced key1, Paced parallelConsumer, Paced key2) {
        double keyP99Millis() {
            return (key1.latencies().p99Millis() + key2.latencies().p99Millis()) / 2;
        }

        double parallelConsumerP99Millis() {
            return parallelConsumer == null
                    ? Double.NaN
                    : parallelConsumer.latencies().p99Millis();
        }
    }

    /** Warm-up key and Parallel Consumer (discarded), then key, Parallel Consumer, key, and partition on a prefix. */
    private Throughput throughput(IoRuns runs, IoOptions settings, Produced produced, Contenders contenders)
            throws Exception {
        String discarded = ", discarded";
        backlog("warm-up", runs.backlog(contenders.key(), TOPIC, settings.warmupRecords()), discarded);
        contenders.parallelConsumer().backlog("warm-up", runs, TOPIC, settings.warmupRecords(), discarded);
        Backlog key1 = checked("run 1", runs.backlog(contenders.key(), TOPIC, produced.records()), produced);
        Backlog pc = contenders.parallelConsumer().backlog("run 2", runs, TOPIC, produced.records(), "");
        Backlog key2 = checked("run 3", runs.backlog(contenders.key(), TOPIC, produced.records()), produced);
        Backlog prefix = runs.backlog(contenders.partition(), TOPIC, settings.partitionRecords());
        backlog("run 4", prefix, ", the first " + settings.partitionRecords() + " records only");
        return new Throughput(key1, pc, key2, prefix);
    }

    /** Warm-up key and Parallel Consumer (discarded, when asked), then key, Parallel Consumer, key. */
    private Latency latency(IoRuns runs, IoOptions settings, Contenders contenders) throws Exception {
        long rate = settings.pacedRate();
        if (settings.pacedWarmupSeconds() > 0) {
            paced("warm-up", contenders.key(), runs.paced(contenders.key(), rate, settings.pacedWarmupSeconds()), rate);
            pacedBaseline("warm-up", runs, contenders.parallelConsumer(), rate, settings.pacedWarmupSeconds());
        }
        Paced key1 =
                paced("paced 1", contenders.key(), runs.paced(contenders.key(), rate, settings.pacedSeconds()), rate);
        Paced pc = pacedBaseline("paced 2", runs, contenders.parallelConsumer(), rate, settings.pacedSeconds());
        Paced key2 =
                paced("paced 3", contenders.key(), runs.paced(contenders.key(), rate, settings.pacedSeconds()), rate);
        return new Latency(key1, pc, key2);
    }

    private Paced pacedBaseline(String label, IoRuns runs, BaselineRuns baseline, long rate, long seconds) {
        Paced run = baseline.paced(runs, rate, seconds);
        if (run != null) {
            report.line(pacedLine(label, baseline.name(), run));
            warnIfSlow(run, rate);
        }
        return run;
    }

    private void headline(Throughput throughput, Latency latency) {
        double keyRate = throughput.keyRate();
        double drift = Math.abs(throughput.key1().measurement().rate()
                        - throughput.key2().measurement().rate())
                / keyRate
                * 100;
        report.line(String.format(
                Locale.ROOT,
                "key %,.0f rec/s (the two key runs differ by %.1f%%) | partition %,.0f rec/s | parallel-consumer %s"
                        + " | p99 key %.1f ms, parallel-consumer %s",
                keyRate,
                drift,
                throughput.partition().measurement().rate(),
                orNotMeasured(throughput.parallelConsumerRate(), "%,.0f rec/s"),
                latency.keyP99Millis(),
                orNotMeasured(latency.parallelConsumerP99Millis(), "%.1f ms")));
    }

    private static String orNotMeasured(double value, String pattern) {
        return Double.isNaN(value) ? "not measured" : String.format(Locale.ROOT, pattern, value);
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

    private Paced paced(String label, IoContender contender, Paced run, long rate) {
        report.line(pacedLine(label, contender.name(), run));
        warnIfSlow(run, rate);
        return run;
    }

    private static String pacedLine(String label, String contender, Paced run) {
        return String.format(
                Locale.ROOT,
                "%-8s %-17s latency %s, sent at %,.0f rec/s; key order violations: %d",
                label,
                contender,
                run.latencies(),
                run.rateReached(),
                run.orderViolations());
    }

    private static void warnIfSlow(Paced run, long rate) {
        if (run.rateReached() < PACE_TOLERANCE * rate) {
            System.err.printf(
                    Locale.ROOT, "Warning: the producer reached %,.0f of %,d rec/s%n", run.rateReached(), rate);
        }
    }
}
