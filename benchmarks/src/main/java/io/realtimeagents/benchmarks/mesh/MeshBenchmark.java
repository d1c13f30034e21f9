package io.realtimeagents.benchmarks.mesh;

import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.benchmarks.ChildJvms;
import io.realtimeagents.benchmarks.JvmCheck;
import io.realtimeagents.benchmarks.kafka.BrokerProcess;
import io.realtimeagents.benchmarks.soak.SoakProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Request/reply between two agents in JVMs of their own, the broker in a third, against a plain kafka-clients pair
 * ({@link PlainPair}) in the same run: closed-loop throughput with a fixed number of requests outstanding, and round
 * trips at a fixed rate (open loop), each as discarded warm-ups then plain, agent, plain; then how fast the registry
 * sees instances start and die ({@link RegistryRuns}). Prints the figures, the ratios and a verdict per target.
 */
public final class MeshBenchmark implements Benchmark {
    private static final String BROKER_HEAP = "1g";
    private static final String CHILD_HEAP = "512m";
    private static final Duration REGISTRY_HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration CALLER_SLACK = Duration.ofSeconds(120);
    private static final double THROUGHPUT_TARGET = 0.9;
    private static final double P99_TARGET = 1.2;
    private static final long VISIBLE_TARGET_MILLIS = 1_000;
    private static final long GONE_SLACK_MILLIS = 1_000;

    @Override
    public String name() {
        return "mesh";
    }

    @Override
    public String description() {
        return "request/reply between two agents in their own JVMs against a plain kafka-clients pair, and how fast"
                + " the registry sees instances come and go";
    }

    @Override
    public String optionsHelp() {
        return """
                --duration=D        each measured run (default 20s; --quick 3s)
                --warmup=D          the warm-up inside each run, not counted (default 5s; --quick 1s)
                --outstanding=N     requests in flight in the throughput runs (default 64)
                --rate=N            requests/s of the latency runs (default 1000)
                --instances=N       registry instances started and killed (default 5; --quick 2)
                --quick             a short smoke run, without the discarded warm-up runs""";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        boolean quick = options.flag("quick");
        Duration duration = options.duration("duration", Duration.ofSeconds(quick ? 3 : 20));
        Duration warmup = options.duration("warmup", Duration.ofSeconds(quick ? 1 : 5));
        long outstanding = options.positiveLong("outstanding", 64);
        long rate = options.positiveLong("rate", 1_000);
        int instances = Math.toIntExact(options.positiveLong("instances", quick ? 2 : 5));
        options.checkAllUsed();
        JvmCheck jvm = JvmCheck.run();
        line(jvm.description());
        line("load average before the start: " + loadAverage());
        jvm.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        Path logs = Files.createTempDirectory("benchmark-mesh-");
        System.err.println("Logs of the child JVMs: " + logs);
        try (BrokerProcess broker = BrokerProcess.start(BROKER_HEAP)) {
            String bootstrap = broker.bootstrapServers();
            createTopics(bootstrap);
            SoakProcess agentReplier = replier(
                    "agent-replier",
                    List.of(
                            "agent-replier",
                            bootstrap,
                            MeshChild.SERVICE,
                            String.valueOf(Duration.ofSeconds(5).toMillis())),
                    logs);
            SoakProcess plainReplier = replier("plain-replier", List.of("plain-replier", bootstrap), logs);
            Runs runs = new Runs(bootstrap, warmup, duration, logs);
            line(String.format(Locale.ROOT, "throughput: closed loop, %d requests outstanding", outstanding));
            Trio closed = runs.trio("closed", outstanding, !quick);
            line(String.format(Locale.ROOT, "latency: open loop at %,d requests/s", rate));
            Trio paced = runs.trio("paced", rate, false);
            agentReplier.stop();
            plainReplier.stop();
            double throughput = closed.agent().rate()
                    / ((closed.plainBefore().rate() + closed.plainAfter().rate()) / 2);
            double p99 = paced.agent().p99Micros()
                    / ((paced.plainBefore().p99Micros() + paced.plainAfter().p99Micros()) / 2.0);
            line(String.format(
                    Locale.ROOT,
                    "the two plain runs differ by %.0f%% in throughput and %.0f%% in p99 (noise of the machine)",
                    drift(closed.plainBefore().rate(), closed.plainAfter().rate()),
                    drift(paced.plainBefore().p99Micros(), paced.plainAfter().p99Micros())));
            verdict("throughput agent / plain", throughput, ">=", THROUGHPUT_TARGET, throughput >= THROUGHPUT_TARGET);
            verdict("p99 agent / plain at " + rate + "/s", p99, "<=", P99_TARGET, p99 <= P99_TARGET);
            RegistryRuns.Figures registry = RegistryRuns.measure(bootstrap, instances, REGISTRY_HEARTBEAT, logs);
            long visible = Collections.max(registry.visibleMillis());
            long gone = Collections.max(registry.goneMillis());
            long goneTarget = registry.lease().toMillis() + GONE_SLACK_MILLIS;
            line("registry (heartbeat " + REGISTRY_HEARTBEAT.toMillis() + " ms, lease "
                    + registry.lease().toMillis()
                    + " ms): visible after start, ms " + registry.visibleMillis() + "; gone after SIGKILL, ms "
                    + registry.goneMillis());
            verdict(
                    "new instance visible, p99 ms",
                    visible,
                    "<=",
                    VISIBLE_TARGET_MILLIS,
                    visible <= VISIBLE_TARGET_MILLIS);
            verdict("killed instance gone, p99 ms", gone, "<=", goneTarget, gone <= goneTarget);
        }
        line("load average at the end: " + loadAverage());
    }

    /** The runs of one kind, plain and agent. */
    private record Runs(String bootstrap, Duration warmup, Duration duration, Path logs) {
        /** Discarded warm-ups (when {@code warmUp}), then plain, agent, plain. */
        Trio trio(String mode, long load, boolean warmUp) throws Exception {
            if (warmUp) {
                line("  warm-up plain  " + run("plain", mode, load) + ", discarded");
                line("  warm-up agent  " + run("agent", mode, load) + ", discarded");
            }
            LoadResult before = run("plain", mode, load);
            line("  run 1   plain  " + before);
            LoadResult agent = run("agent", mode, load);
            line("  run 2   agent  " + agent);
            LoadResult after = run("plain", mode, load);
            line("  run 3   plain  " + after);
            return new Trio(before, agent, after);
        }

        /** One caller JVM's run. */
        LoadResult run(String kind, String mode, long load) throws Exception {
            Path log = logs.resolve("caller-" + kind + "-" + mode + ".log");
            List<String> command = ChildJvms.command(
                    CHILD_HEAP,
                    List.of("-XX:+AlwaysPreTouch"),
                    MeshChild.class,
                    MeshChild.callerArguments(kind, bootstrap, mode, load, warmup, duration));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            CompletableFuture<String> result = ChildJvms.firstLine(process, LoadResult.PREFIX, "mesh-caller-stdout");
            Duration timeout = warmup.plus(duration).plus(CALLER_SLACK);
            String line = result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            ChildJvms.awaitExit("caller", process, log, CALLER_SLACK);
            if (line == null) {
                throw new IllegalStateException("The " + kind + " caller printed no result; see " + log);
            }
            return LoadResult.parse(line);
        }
    }

    private record Trio(LoadResult plainBefore, LoadResult agent, LoadResult plainAfter) {}

    private static SoakProcess replier(String name, List<String> arguments, Path logs) throws Exception {
        return SoakProcess.start(
                name, CHILD_HEAP, MeshChild.class, arguments, logs.resolve(name + ".log"), MeshChild.READY);
    }

    private static double drift(double before, double after) {
        return Math.abs(after - before) / ((before + after) / 2) * 100;
    }

    private static void verdict(String what, double value, String relation, double target, boolean met) {
        line(String.format(
                Locale.ROOT, "%-40s %8.2f   target %s %.2f: %s", what, value, relation, target, met ? "PASS" : "FAIL"));
    }

    private static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(
                            new NewTopic(PlainPair.REQUESTS, PlainPair.REQUEST_PARTITIONS, (short) 1),
                            new NewTopic(PlainPair.REPLIES, PlainPair.REPLY_PARTITIONS, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }
}
