package io.realtimeagents.benchmarks.kafka;

import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.benchmarks.JvmCheck;
import io.realtimeagents.benchmarks.kafka.ReadingProducer.Produced;
import io.realtimeagents.common.config.AgentSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How fast an agent consumes Kafka compared with a plain poll loop. Against one broker in its own JVM, it produces the
 * records once, then reads them with a fresh consumer group per run in the order warm-up plain, warm-up agent (both
 * discarded), plain, agent, plain, and prints records per second and the ratio agent / mean(plain).
 */
public final class KafkaThroughputBenchmark implements Benchmark {
    /** Records produced and counted by each measured run. */
    public static final long DEFAULT_RECORDS = 1_000_000;
    /** Records counted by each discarded warm-up run. */
    public static final long DEFAULT_WARMUP_RECORDS = 500_000;
    /** Partitions of the benchmark topic. */
    public static final int PARTITIONS = 4;

    private static final String TOPIC = "health-readings";
    private static final String BROKER_HEAP = "1g";
    private static final long SETTLE_MILLIS = 1_000;

    private final Report report = new Report(System.out);
    private int runs;

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public String description() {
        return "records/s of a plain KafkaConsumer loop and of a RealtimeAgent, each decoding JSON readings";
    }

    @Override
    public String optionsHelp() {
        return "--records=N                 records produced and counted per measured run (default " + DEFAULT_RECORDS
                + ")\n--warmup-records=N          records counted per discarded warm-up run (default "
                + DEFAULT_WARMUP_RECORDS
                + ")\n--agent-partition-buffer-bytes=N  the agent's KAFKA_PARTITION_BUFFER_BYTES (default:"
                + " the agent's own, " + AgentSettings.KAFKA_PARTITION_BUFFER_BYTES.defaultValue() + ")";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        long records = options.positiveLong("records", DEFAULT_RECORDS);
        long warmupRecords = options.positiveLong("warmup-records", DEFAULT_WARMUP_RECORDS);
        long partitionBuffer = options.positiveLong(
                "agent-partition-buffer-bytes", AgentSettings.KAFKA_PARTITION_BUFFER_BYTES.defaultValue());
        options.checkAllUsed();
        if (warmupRecords > records) {
            throw new IllegalArgumentException("Invalid value " + warmupRecords + " for option --warmup-records: must"
                    + " not exceed --records (" + records + ")");
        }
        JvmCheck jvm = JvmCheck.run();
        report.line(jvm.description());
        if (partitionBuffer != AgentSettings.KAFKA_PARTITION_BUFFER_BYTES.defaultValue()) {
            report.line("agent: KAFKA_PARTITION_BUFFER_BYTES=" + partitionBuffer + " (not the default)");
        }
        jvm.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        try (BrokerProcess broker = BrokerProcess.start(BROKER_HEAP)) {
            createTopic(broker.bootstrapServers());
            Produced produced = ReadingProducer.produce(broker.bootstrapServers(), TOPIC, records);
            report.produced(produced);
            CpuTime.Clock cpuClock = CpuTime.Clock.of(broker::cpuNanos);
            compare(
                    new PlainConsumerContender(broker.bootstrapServers(), TOPIC, cpuClock),
                    new AgentContender(broker.bootstrapServers(), TOPIC, Math.toIntExact(partitionBuffer), cpuClock),
                    produced,
                    warmupRecords);
        }
    }

    /** Warm-up A and B, then A B A; checks every measured run read exactly the records produced. */
    private void compare(Contender plain, Contender agent, Produced produced, long warmupRecords) throws Exception {
        String discarded = ", discarded";
        report.run("warm-up", measure(plain, warmupRecords), discarded);
        report.run("warm-up", measure(agent, warmupRecords), discarded);
        Measurement plainBefore = measured("run 1", plain, produced);
        Measurement agentRun = measured("run 2", agent, produced);
        Measurement plainAfter = measured("run 3", plain, produced);
        report.summary(plainBefore, agentRun, plainAfter);
    }

    private Measurement measured(String label, Contender contender, Produced produced) throws Exception {
        Measurement measurement = measure(contender, produced.records());
        report.run(label, measurement, "");
        if (measurement.checksum() != produced.checksum()) {
            throw new IllegalStateException("The " + contender.name() + " run read other records than were produced:"
                    + " heart-rate checksum " + measurement.checksum() + ", expected " + produced.checksum());
        }
        return measurement;
    }

    /** Lets the previous run's garbage and threads go first, so runs start from the same state. */
    private Measurement measure(Contender contender, long records) throws Exception {
        System.gc();
        Thread.sleep(SETTLE_MILLIS);
        runs++;
        String groupId =
                String.format(Locale.ROOT, "benchmark-%s-%d-%d", contender.name(), runs, System.currentTimeMillis());
        return contender.run(groupId, records);
    }

    private static void createTopic(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
