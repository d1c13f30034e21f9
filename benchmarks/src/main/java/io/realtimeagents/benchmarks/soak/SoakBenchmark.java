package io.realtimeagents.benchmarks.soak;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The fault-injection soak: a Kafka broker, an MQTT broker and agent replicas in JVMs of their own, producers feeding
 * both brokers at a steady rate, and faults injected on a schedule; at the end every input's outputs are checked and
 * the report printed (see docs/benchmarks.md). It fails (exit status 1) when the report misses its targets.
 */
public final class SoakBenchmark implements Benchmark {
    private static final Duration DRAIN_QUIET = Duration.ofSeconds(60);
    private static final Duration DRAIN_MAX = Duration.ofMinutes(3);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
    /** Longest wait for a fault to heal before the next one comes, so that each recovery is one fault's. */
    private static final Duration HEAL_WAIT = Duration.ofSeconds(60);

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public String description() {
        return "fault-injection soak: replica kills, broker restarts, slow handlers; checks that no output is lost";
    }

    @Override
    public String optionsHelp() {
        return """
                --duration=10m           how long the producers run (units h, m, s, ms; e.g. 5m30s)
                --fault-interval=15s     time between two faults, injected round-robin
                --kafka-rate=200         Kafka inputs per second
                --mqtt-rate=100          MQTT inputs per second (QoS 1), half handled, half bridged
                --replicas=2             agent replicas
                --max-poll-interval=5s   the replicas' max.poll.interval.ms
                --slow-time=8s           how long the slow-handler fault blocks one handler call
                --min-faults=20          target: at least this many faults
                --max-recovery=15s       target: every recovery shorter than this
                --dir=<folder>           run directory (default: a new temporary one); logs and report stay there""";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        // The brokers' restarts are meant: keep the clients' reconnection warnings out of the console.
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.ERROR);
        ((Logger) LoggerFactory.getLogger("org.eclipse.paho")).setLevel(Level.ERROR);
        SoakSettings settings = SoakSettings.from(options);
        options.checkAllUsed();
        Path dir =
                settings.dir() == null ? Files.createTempDirectory("soak-") : Files.createDirectories(settings.dir());
        System.out.println("soak: run directory " + dir + " (logs, report)");
        FaultSchedule schedule = new FaultSchedule(settings.duration(), settings.faultInterval(), settings.replicas());
        System.out.printf(
                Locale.ROOT,
                "soak: %s, %d replicas, %d Kafka + %d MQTT inputs/s, %d faults planned (one every %s)%n",
                settings.duration(),
                settings.replicas(),
                settings.kafkaRate(),
                settings.mqttRate(),
                schedule.plan().size(),
                settings.faultInterval());
        SoakReport report;
        try (SoakCluster cluster =
                SoakCluster.start(dir, settings.replicas(), settings.slowTime(), settings.maxPollInterval())) {
            report = soak(cluster, settings, schedule);
        }
        String text = report.format();
        Files.writeString(dir.resolve("report.txt"), text + "\n");
        System.out.println(text);
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException("the soak missed its targets (see the report above and " + dir + ")");
        }
    }

    private static SoakReport soak(SoakCluster cluster, SoakSettings settings, FaultSchedule schedule)
            throws Exception {
        Map<String, Long> inputs = KafkaInputs.newConfirmedMap();
        Arrivals arrivals = new Arrivals();
        List<InjectedFault> faults = new ArrayList<>();
        long attempted;
        try (LiveReader live = new LiveReader(new OutputReader(cluster.bootstrapServers(), arrivals))) {
            long start = System.nanoTime();
            KafkaInputs kafkaInputs = new KafkaInputs(cluster.bootstrapServers(), settings.kafkaRate(), inputs);
            MqttInputs mqttInputs = new MqttInputs(cluster.mqttPort(), settings.mqttRate(), inputs);
            for (FaultSchedule.Planned planned : schedule.plan()) {
                sleepUntil(start + planned.due().toNanos());
                InjectedFault fault = cluster.inject(planned.kind(), planned.replica());
                faults.add(fault);
                awaitHealed(arrivals, fault);
                System.out.printf(
                        Locale.ROOT,
                        "soak: %5.1f s fault %d at %s: %s (took %.1f s, healed in %s); %,d inputs acknowledged,"
                                + " %,d outputs read%n",
                        (System.nanoTime() - start) / 1e9,
                        planned.index() + 1,
                        Instant.ofEpochMilli(fault.at()),
                        fault.describe(),
                        fault.tookMillis() / 1000.0,
                        healed(arrivals, fault),
                        inputs.size(),
                        live.reader().total());
            }
            // Late faults (slow restarts on a loaded machine) lengthen the run: the last one gets its interval too.
            sleepUntil(Math.max(
                    start + settings.duration().toNanos(),
                    System.nanoTime() + settings.faultInterval().toNanos()));
            kafkaInputs.close();
            mqttInputs.close();
            attempted = kafkaInputs.attempted() + mqttInputs.attempted();
            System.out.printf(
                    Locale.ROOT,
                    "soak: producers stopped after %.1f s; %,d inputs sent, %,d acknowledged; draining%n",
                    (System.nanoTime() - start) / 1e9,
                    attempted,
                    inputs.size());
            drain(live.reader(), arrivals, inputs);
        }
        Map<String, Map<String, Integer>> outputs;
        long deadLetters;
        try (OutputReader last = new OutputReader(cluster.bootstrapServers(), null)) {
            last.readToEnd(READ_TIMEOUT);
            outputs = last.counts();
            deadLetters = last.deadLetters();
        }
        return SoakReport.compute(
                inputs,
                outputs,
                faults,
                arrivals,
                attempted - inputs.size(),
                deadLetters,
                new SoakReport.Targets(settings.minFaults(), settings.maxRecovery()));
    }

    /** Waits until every input's outputs were read, or nothing new arrived for a while, or at most a few minutes. */
    private static void drain(OutputReader reader, Arrivals arrivals, Map<String, Long> inputs)
            throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_MAX.toNanos();
        while (System.nanoTime() < deadline
                && System.currentTimeMillis() - arrivals.lastObserved() < DRAIN_QUIET.toMillis()) {
            if (missing(reader.counts(), inputs) == 0) {
                return;
            }
            Thread.sleep(1_000);
        }
    }

    private static long missing(Map<String, Map<String, Integer>> counts, Map<String, Long> inputs) {
        long missing = 0;
        for (Flow flow : Flow.values()) {
            Map<String, Integer> found = counts.getOrDefault(flow.outputTopic(), Map.of());
            for (String id : inputs.keySet()) {
                if (id.startsWith(flow.idPrefix()) && !found.containsKey(id)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /** Waits until every path delivered an input sent after the fault, or {@link #HEAL_WAIT}. */
    private static void awaitHealed(Arrivals arrivals, InjectedFault fault) throws InterruptedException {
        long deadline = System.nanoTime() + HEAL_WAIT.toNanos();
        while (arrivals.recoveryAfter(fault.recoveryFrom()).millis() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    private static String healed(Arrivals arrivals, InjectedFault fault) {
        long millis = arrivals.recoveryAfter(fault.recoveryFrom()).millis();
        return millis < 0 ? "not yet" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Duration.ofNanos(wait));
        }
    }

    /** Polls an {@link OutputReader} on a thread of its own until closed. */
    private static final class LiveReader implements AutoCloseable {
        private final OutputReader reader;
        private final Thread thread;
        private volatile boolean running = true;

        LiveReader(OutputReader reader) {
            this.reader = reader;
            this.thread = Thread.ofPlatform().name("soak-output-reader").start(this::loop);
        }

        OutputReader reader() {
            return reader;
        }

        private void loop() {
            while (running) {
                try {
                    reader.poll();
                } catch (RuntimeException e) {
                    System.err.println("soak: output reader: " + e);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
            reader.close();
        }
    }
}
