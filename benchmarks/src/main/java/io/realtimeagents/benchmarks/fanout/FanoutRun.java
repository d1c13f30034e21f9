package io.realtimeagents.benchmarks.fanout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One run of one contender: a server JVM, primed with events, which a few probe clients connect to, receive from and
 * leave (so that what the first connections set up once, such as classes, thread-local caches, handshake and delivery
 * paths, is not counted per connection) before it measures its memory with no client; then load-generator JVMs that connect every client; an idle pause,
 * after which the server measures its memory again; then the steady emission, and the clients' results. The server
 * stops first, so the clients' ports are free again at once (the side that closes first keeps its ports in
 * TIME_WAIT).
 */
final class FanoutRun {
    /**
     * How runs are set up, the same for every contender.
     *
     * @param serverHeap heap of the server JVM
     * @param clientHeap heap of each load-generator JVM
     * @param idle pause between the last client connecting and measuring memory
     * @param inFlight connections each load generator may be opening at once
     * @param clientThreads event loops of each load generator
     * @param sourceAddresses loopback source addresses the clients spread over
     * @param generators load-generator JVMs
     * @param drain how long to wait for missing deliveries after the last event, once none arrive
     */
    record Settings(
            String serverHeap,
            String clientHeap,
            Duration idle,
            int inFlight,
            int clientThreads,
            int sourceAddresses,
            int generators,
            Duration drain) {}

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CONNECT_TIMEOUT = Connector.CONNECT_ALL_TIMEOUT.plusMinutes(1);
    private static final Duration REPLY_TIMEOUT = Duration.ofMinutes(2);
    private static final long SETTLE_MILLIS = 1_000;
    private static final int PROBE_CLIENTS = 100;
    private static final int PRIME_RATE = 1_000;
    private static final int PRIME_EVENTS = 20_000;
    private static final int PRIME_WITH_PROBES_RATE = 400;
    private static final int PRIME_WITH_PROBES_EVENTS = 8_000;

    private final ServerKind kind;
    private final Scenario scenario;
    private final Settings settings;
    private final LongSupplier kafkaCpu;
    private ChildJvm server;
    private final List<ChildJvm> generators = new ArrayList<>();

    private FanoutRun(ServerKind kind, Scenario scenario, Settings settings, LongSupplier kafkaCpu) {
        this.kind = kind;
        this.scenario = scenario;
        this.settings = settings;
        this.kafkaCpu = kafkaCpu;
    }

    /**
     * Runs {@code kind} under {@code scenario}.
     *
     * @param kafkaCpu CPU time of the Kafka broker's JVM so far, in nanoseconds (0 when none runs)
     */
    static RunResult run(ServerKind kind, Scenario scenario, Settings settings, LongSupplier kafkaCpu)
            throws Exception {
        FanoutRun run = new FanoutRun(kind, scenario, settings, kafkaCpu);
        try {
            return run.measure();
        } finally {
            run.stop();
        }
    }

    private RunResult measure() throws Exception {
        server = ChildJvm.start(kind.name() + "-server", settings.serverHeap(), kind.main(), kind.arguments());
        int port = (int) Fields.number(Fields.parse(server.await("LISTENING", START_TIMEOUT)), "port");
        prime(PRIME_RATE, PRIME_EVENTS);
        probe(port);
        Thread.sleep(SETTLE_MILLIS);
        ServerStats empty = stats();
        Connector.Summary connected = connect(port);
        Thread.sleep(settings.idle().toMillis());
        ServerStats idle = stats();
        CpuClock clock = new CpuClock();
        server.send("start " + scenario.rate() + " " + scenario.ticks());
        Duration emission = Duration.ofSeconds(scenario.warmupSeconds() + scenario.seconds());
        Map<String, String> emitted = Fields.parse(server.await("EMITTED", emission.plus(REPLY_TIMEOUT)));
        long events = Fields.number(emitted, "events");
        TransportResult[] results = finish(events);
        RunResult.Cpu cpu = clock.since();
        return new RunResult(
                kind.name(),
                scenario,
                connected.ready(),
                connected.nanos(),
                connected.firstError(),
                empty,
                idle,
                stats(),
                new RunResult.Emitted(events, Fields.number(emitted, "skipped"), counters(emitted)),
                results[0],
                results[1],
                cpu);
    }

    /**
     * Emits {@code events} at {@code rate} per second, to whoever is connected, so that what runs once per event is
     * compiled before anything is measured, as in a server that has been running for a while. First with no client
     * ({@value #PRIME_EVENTS} at {@value #PRIME_RATE}/s), then with the probe clients ({@value
     * #PRIME_WITH_PROBES_EVENTS} at {@value #PRIME_WITH_PROBES_RATE}/s). The plain server's per-event work is a few
     * lines; the agent's is its Kafka producer, its live feed and the broker's produce and fetch paths, which at the
     * scenarios' 5 to 50 events per second would otherwise still be compiled during the measured seconds. The second
     * round matters because the first deliveries to clients take branches that the first round never took: the JIT
     * throws away what it compiled for the per-event path and, at 30 events/s, needs minutes of events to compile it
     * again (session 5: with the first round only, the agent's JIT compiler used 0.3-1.0 CPU s per 10 measured s).
     */
    private void prime(int rate, int events) throws IOException, InterruptedException {
        server.send("start " + rate + " " + events);
        Map<String, String> primed = Fields.parse(
                server.await("EMITTED", Duration.ofSeconds(events / rate).plus(REPLY_TIMEOUT)));
        if (Fields.number(primed, "events") + Fields.number(primed, "skipped") != events) {
            throw new IOException("The " + kind.name() + " server did not finish priming: " + primed);
        }
    }

    /**
     * Connects a few clients of both transports, in the scenario's proportion, primes the server again while they
     * receive, then disconnects them.
     */
    private void probe(int port) throws IOException, InterruptedException {
        int clients = Math.min(PROBE_CLIENTS, scenario.clients());
        int sse = scenario.sseClients() == 0 ? 0 : Math.max(1, clients * scenario.sseClients() / scenario.clients());
        ClientPlan plan = plan(port, clients - sse, sse, 0);
        try (ChildJvm probe = ChildJvm.start("probe", settings.clientHeap(), LoadGenerator.class, plan.arguments())) {
            Map<String, String> connected = Fields.parse(probe.await("CONNECTED", CONNECT_TIMEOUT));
            if (Fields.number(connected, "failed") > 0) {
                throw new IOException(
                        "The " + kind.name() + " server refused probe clients: " + connected.get("first_error"));
            }
            prime(PRIME_WITH_PROBES_RATE, PRIME_WITH_PROBES_EVENTS);
        }
    }

    private ClientPlan plan(int port, int webSockets, int sse, int firstIndex) {
        return new ClientPlan(
                port,
                kind.webSocketPath(),
                kind.ssePath(),
                webSockets,
                sse,
                firstIndex,
                settings.sourceAddresses(),
                settings.inFlight(),
                settings.clientThreads(),
                scenario.warmupEvents());
    }

    /** Starts the load generators, each with its share of the clients, and waits until all are connected. */
    private Connector.Summary connect(int port) throws IOException, InterruptedException {
        int count = settings.generators();
        int first = 0;
        for (int g = 0; g < count; g++) {
            int webSockets = share(scenario.webSocketClients(), g, count);
            int sse = share(scenario.sseClients(), g, count);
            ClientPlan plan = plan(port, webSockets, sse, first);
            generators.add(
                    ChildJvm.start("clients-" + g, settings.clientHeap(), LoadGenerator.class, plan.arguments()));
            first += webSockets + sse;
        }
        Connector.Summary all = new Connector.Summary(0, 0, 0, "none");
        for (ChildJvm generator : generators) {
            Map<String, String> fields = Fields.parse(generator.await("CONNECTED", CONNECT_TIMEOUT));
            all = new Connector.Summary(
                    all.ready() + Fields.number(fields, "ready"),
                    all.failed() + Fields.number(fields, "failed"),
                    Math.max(all.nanos(), Fields.number(fields, "nanos")),
                    all.firstError().equals("none") ? fields.get("first_error") : all.firstError());
        }
        return all;
    }

    /** Tells every load generator how many events there were, and merges their results: WebSocket, then SSE. */
    private TransportResult[] finish(long events) throws IOException, InterruptedException {
        TransportResult webSocket = TransportResult.empty("ws");
        TransportResult sse = TransportResult.empty("sse");
        for (ChildJvm generator : generators) {
            generator.send("finish " + events + " " + settings.drain().toMillis());
        }
        Duration timeout = settings.drain().plus(REPLY_TIMEOUT);
        for (ChildJvm generator : generators) {
            for (int i = 0; i < 2; i++) {
                TransportResult part = TransportResult.parse(Fields.parse(generator.await("RESULT", timeout)));
                if (part.transport().equals("sse")) {
                    sse = sse.merge(part, "sse");
                } else {
                    webSocket = webSocket.merge(part, "ws");
                }
            }
            generator.await("DONE", timeout);
        }
        return new TransportResult[] {webSocket, sse};
    }

    private ServerStats stats() throws IOException, InterruptedException {
        server.send("stats");
        return ServerStats.parse(Fields.parse(server.await("STATS", REPLY_TIMEOUT)));
    }

    private long clientCpuNanos() {
        return generators.stream().mapToLong(ChildJvm::cpuNanos).sum();
    }

    /** CPU times of the run's JVMs, of Kafka and of the machine when it was created. */
    private final class CpuClock {
        private final long start = System.nanoTime();
        private final long serverStart = server.cpuNanos();
        private final long clientStart = clientCpuNanos();
        private final long kafkaStart = kafkaCpu.getAsLong();
        private final long machineStart = MachineCpu.busyNanos();

        /** What was used since. */
        RunResult.Cpu since() {
            long serverUsed = server.cpuNanos() - serverStart;
            long clientUsed = clientCpuNanos() - clientStart;
            long kafkaUsed = kafkaCpu.getAsLong() - kafkaStart;
            long machine = MachineCpu.busyNanos();
            long others = machineStart < 0 || machine < 0
                    ? -1
                    : Math.max(0, machine - machineStart - serverUsed - clientUsed - kafkaUsed);
            return new RunResult.Cpu(System.nanoTime() - start, serverUsed, clientUsed, kafkaUsed, others);
        }
    }

    /** The server's own counters among the fields of its EMITTED line. */
    private static String counters(Map<String, String> emitted) {
        StringBuilder text = new StringBuilder();
        emitted.forEach((key, value) -> {
            if (!key.equals("events") && !key.equals("skipped") && !key.equals("nanos")) {
                text.append(text.isEmpty() ? "" : " ").append(key).append('=').append(value);
            }
        });
        return text.toString();
    }

    /** The {@code g}-th of {@code count} nearly equal shares of {@code total}. */
    private static int share(int total, int g, int count) {
        return total / count + (g < total % count ? 1 : 0);
    }

    /** Stops the server first, then the load generators; reports failures to stop on standard error. */
    private void stop() {
        List<ChildJvm> all = new ArrayList<>();
        if (server != null) {
            all.add(server);
        }
        all.addAll(generators);
        for (ChildJvm jvm : all) {
            try {
                jvm.close();
            } catch (IOException e) {
                System.err.println("Warning: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
