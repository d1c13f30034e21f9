package io.realtimeagents.benchmarks.fanout;

import io.realtimeagents.benchmarks.Benchmark;
import io.realtimeagents.benchmarks.BenchmarkOptions;
import io.realtimeagents.benchmarks.JvmCheck;
import io.realtimeagents.benchmarks.kafka.BrokerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * How many WebSocket and SSE clients an agent feeds, how fast and with how much memory, against a minimal plain
 * Netty server doing the same fan-out (the physical baseline). Per scenario, the order is baseline, agent, baseline;
 * each run has a server JVM of its own and load-generator JVMs of their own; Kafka runs in its own JVM. A run connects
 * every client, lets them idle while the server measures its memory, then emits events at a steady rate and counts
 * what each client received and how late.
 */
public final class FanoutBenchmark implements Benchmark {
    /** Seconds the clients idle before the server measures its memory again. */
    public static final long DEFAULT_IDLE_SECONDS = 5;
    /** Seconds to wait for late deliveries once none arrive. */
    public static final long DEFAULT_DRAIN_SECONDS = 5;
    /** Connections a load generator may be opening at once. */
    public static final long DEFAULT_IN_FLIGHT = 200;

    private static final String BROKER_HEAP = "1g";
    private static final String DEFAULT_HEAP = "1g";
    private static final List<String> CONTENDERS = List.of("baseline", "agent");

    private final FanoutReport report = new FanoutReport(System.out);

    @Override
    public String name() {
        return "fanout";
    }

    @Override
    public String description() {
        return "WebSocket and SSE fan-out of a RealtimeAgent's broadcast() to thousands of loopback clients, against a"
                + " plain Netty broadcast server";
    }

    @Override
    public String optionsHelp() {
        return "--scenario=all|1|2          1: 10,000 clients at 10 events/s; 2: 2,000 clients at 50 events/s"
                + " (default all)\n--clients=N --sse-clients=M --rate=R  one scenario of your own instead (SSE"
                + " default: a tenth)\n--seconds=S --warmup=W      measured and warm-up seconds of emission (default 20"
                + " and " + Scenario.WARMUP_SECONDS
                + ")\n--quick                     a smoke run: 500 clients at 10 events/s for 5 s\n"
                + "--contenders=baseline,agent which servers run (default both: baseline, agent, baseline)\n"
                + "--rounds=N                  with both: baseline, then N times agent, baseline; the targets are"
                + " judged on the median of the N rounds' ratios (default 1)\n"
                + "--no-headroom               when the plain server sheds more than 5% of its ticks, do not run the"
                + " runs again at two thirds of the rate it sustained\n"
                + "--idle=S --drain=S          idle seconds before measuring memory (default " + DEFAULT_IDLE_SECONDS
                + "), wait for late deliveries (default " + DEFAULT_DRAIN_SECONDS + ")\n"
                + "--source-addresses=K --generators=G  loopback source addresses and load-generator JVMs (default:"
                + " as the limits need)\n--in-flight=N               connections opening at once per generator"
                + " (default " + DEFAULT_IN_FLIGHT + ")\n--server-threads=N --client-threads=N  event loops"
                + " (default: the CPUs)\n--server-heap=1g --client-heap=1g  heaps of the server and generator JVMs\n"
                + "--agent-sse-path=/stream/events  --agent-env='NAME=value NAME=value'  the agent's SSE endpoint and"
                + " extra settings";
    }

    @Override
    public void run(BenchmarkOptions options) throws Exception {
        List<Scenario> scenarios = scenarios(options);
        List<String> contenders = contenders(options.string("contenders", String.join(",", CONTENDERS)));
        int cpus = Runtime.getRuntime().availableProcessors();
        int serverThreads = (int) options.positiveLong("server-threads", cpus);
        String agentSsePath = options.string("agent-sse-path", PlainFanoutHandler.SSE_PATH);
        String agentEnv = options.string("agent-env", "").trim();
        Settings settings = settings(options, cpus);
        boolean headroom = !options.flag("no-headroom");
        int rounds = (int) options.positiveLong("rounds", 1);
        options.checkAllUsed();
        for (Scenario scenario : scenarios) {
            checkLimits(scenario, settings);
        }
        describeSetup();
        List<String> agentSettings = agentEnv.isEmpty() ? List.of() : Arrays.asList(agentEnv.split("\\s+"));
        BrokerProcess broker = contenders.contains("agent") ? BrokerProcess.start(BROKER_HEAP) : null;
        try {
            ServerKind baseline = ServerKind.baseline(serverThreads);
            ServerKind agent =
                    broker == null ? null : ServerKind.agent(broker.bootstrapServers(), agentSettings, agentSsePath);
            LongSupplier kafkaCpu = broker == null ? () -> 0 : () -> Math.max(0, broker.cpuNanos());
            for (Scenario scenario : scenarios) {
                List<RunResult> baselines =
                        runScenario(scenario, order(contenders, baseline, agent, rounds), settings, kafkaCpu);
                long skipped = baselines.stream()
                        .mapToLong(run -> run.emitted().skippedTicks())
                        .sum();
                Scenario lighter =
                        headroom && contenders.size() == 2 ? scenario.withHeadroom(skipped, baselines.size()) : null;
                if (lighter != null) {
                    report.line(String.format(
                            Locale.ROOT,
                            "the plain server sustained %.1f of %d events/s: this machine saturates below the load,"
                                    + " which the issue's machine carried with a third of its capacity to spare; the"
                                    + " same runs at %d events/s, two thirds of what it sustained:",
                            scenario.sustainedRate(skipped, baselines.size()),
                            scenario.rate(),
                            lighter.rate()));
                    runScenario(lighter, order(contenders, baseline, agent, rounds), settings, kafkaCpu);
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }

    /** The JVM and machine, the messages, and how to raise the number of clients. */
    private void describeSetup() throws InterruptedException {
        JvmCheck jvm = JvmCheck.run();
        report.line(jvm.description());
        jvm.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        byte[] json = BenchMessage.json(0, System.nanoTime());
        report.line(String.format(
                Locale.ROOT,
                "messages of %d bytes (WebSocket text) and %d bytes (SSE event), the shape of broadcast(\"%s\", data)",
                json.length,
                BenchMessage.sseEvent(0, json).length,
                BenchMessage.TOPIC));
        report.line(Limits.howToRaise());
    }

    /** Runs the contenders in order under the scenario, reports them and the targets; returns the baseline runs. */
    private List<RunResult> runScenario(
            Scenario scenario, List<ServerKind> order, Settings settings, LongSupplier kafkaCpu) throws Exception {
        FanoutRun.Settings run = settings.forClients(scenario.clients());
        report.line(String.format(
                Locale.ROOT,
                "scenario %s: %s; from %d source address%s in %d load-generator JVM%s",
                scenario.name(),
                scenario.describe(),
                run.sourceAddresses(),
                run.sourceAddresses() == 1 ? "" : "es",
                run.generators(),
                run.generators() == 1 ? "" : "s"));
        List<RunResult> ordered = new ArrayList<>();
        List<RunResult> baselines = new ArrayList<>();
        RunResult agent = null;
        for (int i = 0; i < order.size(); i++) {
            RunResult result = FanoutRun.run(order.get(i), scenario, run, kafkaCpu);
            report.run("run " + (i + 1), result);
            ordered.add(result);
            if (result.contender().equals("agent")) {
                agent = result;
            } else {
                baselines.add(result);
            }
        }
        if (baselines.isEmpty()) {
            report.line("targets: not evaluated (no baseline run)");
        } else if (baselines.size() > 2) {
            report.rounds(ordered, scenario);
        } else {
            report.summary(baselines, agent, scenario);
        }
        return baselines;
    }

    /** Baseline, then {@code rounds} times agent, baseline when both run; else the one contender. */
    private static List<ServerKind> order(List<String> contenders, ServerKind baseline, ServerKind agent, int rounds) {
        if (contenders.size() == 2) {
            List<ServerKind> order = new ArrayList<>(List.of(baseline));
            for (int round = 0; round < rounds; round++) {
                order.add(agent);
                order.add(baseline);
            }
            return order;
        }
        return List.of(contenders.get(0).equals("agent") ? agent : baseline);
    }

    private static List<String> contenders(String text) {
        List<String> names = Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .distinct()
                .toList();
        if (names.isEmpty() || !CONTENDERS.containsAll(names)) {
            throw new IllegalArgumentException("Invalid value " + text + " for option --contenders: a comma-separated"
                    + " list of baseline and agent");
        }
        return names;
    }

    /** The scenarios to run: the quick one, one of the caller's own, or the (one or both). */
    private static List<Scenario> scenarios(BenchmarkOptions options) {
        boolean quick = options.flag("quick");
        String which = options.string("scenario", "all");
        boolean custom = options.has("clients") || options.has("sse-clients") || options.has("rate");
        List<Scenario> base = switch (which) {
            case "all" ->
                quick || custom
                        ? List.of(quick ? Scenario.QUICK : Scenario.TEN_THOUSAND)
                        : List.of(Scenario.TEN_THOUSAND, Scenario.TWO_THOUSAND);
            case "1" -> List.of(quick ? Scenario.QUICK : Scenario.TEN_THOUSAND);
            case "2" -> List.of(Scenario.TWO_THOUSAND);
            default ->
                throw new IllegalArgumentException("Invalid value " + which + " for option --scenario: all, 1 or 2");
        };
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario scenario : base) {
            int clients = (int) Math.min(Integer.MAX_VALUE, options.positiveLong("clients", scenario.clients()));
            long sseDefault = options.has("clients") ? clients / 10 : scenario.sseClients();
            int sse = (int) Math.min(Integer.MAX_VALUE, options.nonNegativeLong("sse-clients", sseDefault));
            scenarios.add(new Scenario(
                    custom ? "custom" : scenario.name(),
                    clients,
                    sse,
                    options.positiveLong("rate", scenario.rate()),
                    options.positiveLong("seconds", scenario.seconds()),
                    options.nonNegativeLong("warmup", scenario.warmupSeconds())));
        }
        return scenarios;
    }

    private static Settings settings(BenchmarkOptions options, int cpus) {
        boolean quick = options.flag("quick");
        return new Settings(
                options.string("server-heap", DEFAULT_HEAP),
                options.string("client-heap", DEFAULT_HEAP),
                Duration.ofSeconds(options.positiveLong("idle", quick ? 2 : DEFAULT_IDLE_SECONDS)),
                Duration.ofSeconds(options.positiveLong("drain", DEFAULT_DRAIN_SECONDS)),
                (int) options.positiveLong("in-flight", DEFAULT_IN_FLIGHT),
                (int) options.positiveLong("client-threads", cpus),
                (int) options.nonNegativeLong("source-addresses", 0),
                (int) options.nonNegativeLong("generators", 0));
    }

    /** Fails before anything starts when a scenario needs more file descriptors than one JVM may open. */
    private static void checkLimits(Scenario scenario, Settings settings) {
        long perJvm = Limits.clientsPerJvm();
        FanoutRun.Settings run = settings.forClients(scenario.clients());
        if (scenario.clients() > perJvm || (scenario.clients() + run.generators() - 1) / run.generators() > perJvm) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "Invalid value %d for option --clients: one JVM may hold at most %,d connections here (open-file"
                            + " limit %,d less %,d for the JVM itself), and the server holds them all. %s",
                    scenario.clients(),
                    perJvm,
                    Limits.openFiles(),
                    Limits.RESERVED_FILES,
                    Limits.howToRaise()));
        }
    }

    /**
     * The options shared by all runs; {@code 0} source addresses or generators means as many as the limits need.
     */
    private record Settings(
            String serverHeap,
            String clientHeap,
            Duration idle,
            Duration drain,
            int inFlight,
            int clientThreads,
            int sourceAddresses,
            int generators) {
        FanoutRun.Settings forClients(int clients) {
            return new FanoutRun.Settings(
                    serverHeap,
                    clientHeap,
                    idle,
                    inFlight,
                    clientThreads,
                    sourceAddresses > 0 ? sourceAddresses : Limits.sourceAddresses(clients),
                    generators > 0 ? generators : Limits.generators(clients),
                    drain);
        }
    }
}
