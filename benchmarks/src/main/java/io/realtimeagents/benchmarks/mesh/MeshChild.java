package io.realtimeagents.benchmarks.mesh;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The JVMs of the mesh benchmark besides the broker's. The first argument is the role:
 *
 * <ul>
 *   <li>{@code agent-replier <bootstrap> <service> <heartbeat ms>}: an agent of the service with the task {@value
 *       #ECHO}, which returns its parameters; prints {@value #READY} once started, runs until standard input closes;
 *   <li>{@code plain-replier <bootstrap>}: {@link PlainPair#serve}, the same way;
 *   <li>{@code caller <agent|plain> <bootstrap> <closed|paced> <outstanding or rate> <warm-up ms> <ms>}: runs {@link
 *       Load} once, prints its {@link LoadResult} line and exits.
 * </ul>
 */
public final class MeshChild {
    /** The line a replier prints once it serves. */
    static final String READY = "MESH_READY";
    /** The service of the agent replier. */
    static final String SERVICE = "mesh-echo";
    /** The replier's task. */
    static final String ECHO = "echo";
    /** The size of the text each request carries, in bytes. */
    static final int PAYLOAD_BYTES = 256;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private MeshChild() {}

    /** Runs the role of the first argument; see the class comment. */
    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger("org.apache.kafka")).setLevel(Level.WARN);
        switch (args[0]) {
            case "agent-replier" -> replier(args[1], args[2], Duration.ofMillis(Long.parseLong(args[3])));
            case "plain-replier" -> PlainPair.serve(args[1]);
            case "caller" -> caller(args);
            default -> throw new IllegalArgumentException("Unknown role " + args[0]);
        }
        System.exit(0);
    }

    /** The arguments of a caller run. */
    static List<String> callerArguments(
            String kind, String bootstrap, String mode, long load, Duration warmup, Duration duration) {
        return List.of(
                "caller",
                kind,
                bootstrap,
                mode,
                String.valueOf(load),
                String.valueOf(warmup.toMillis()),
                String.valueOf(duration.toMillis()));
    }

    /** The configuration of an agent of the benchmark, with the registry's heartbeat {@code heartbeat}. */
    static AgentConfig config(String bootstrap, String service, Duration heartbeat) {
        return AgentConfig.builder()
                .serviceName(service)
                .kafkaBootstrapServers(bootstrap)
                .httpPort(0)
                .set(AgentSettings.AGENT_REGISTRY_HEARTBEAT, heartbeat)
                .build();
    }

    static void ready() {
        System.out.println(READY);
        System.out.flush();
    }

    static void awaitEndOfInput() {
        try {
            System.in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The parent is gone: stop as on the end of input.
        }
    }

    private static void replier(String bootstrap, String service, Duration heartbeat) {
        RunningAgent running = RealtimeAgents.app(EchoAgent::new)
                .config(config(bootstrap, service, heartbeat))
                .start();
        ready();
        awaitEndOfInput();
        running.close();
    }

    private static void caller(String[] args) throws Exception {
        String bootstrap = args[2];
        int load = Integer.parseInt(args[4]);
        Duration warmup = Duration.ofMillis(Long.parseLong(args[5]));
        Duration duration = Duration.ofMillis(Long.parseLong(args[6]));
        String text = "x".repeat(PAYLOAD_BYTES);
        LoadResult result;
        if (args[1].equals("agent")) {
            CallerAgent agent = new CallerAgent();
            try (RunningAgent running = RealtimeAgents.app(() -> agent)
                    .config(config(bootstrap, "mesh-caller", AgentSettings.AGENT_REGISTRY_HEARTBEAT.defaultValue()))
                    .start()) {
                Map<String, Object> payload = Map.of("text", text);
                probe(() -> agent.request(SERVICE, ECHO, payload, REQUEST_TIMEOUT));
                result = run(
                        new Load(() -> agent.request(SERVICE, ECHO, payload, REQUEST_TIMEOUT)),
                        args[3],
                        load,
                        warmup,
                        duration);
            }
        } else {
            try (PlainPair.Caller plain = new PlainPair.Caller(bootstrap, text.getBytes(StandardCharsets.UTF_8))) {
                probe(plain::call);
                result = run(new Load(plain::call), args[3], load, warmup, duration);
            }
        }
        System.out.println(result.line());
        System.out.flush();
    }

    /**
     * Sends one request and waits for its reply before the load starts, so that what the first request sets up (the
     * agent's reader of replies) does not stall the load's schedule.
     */
    private static void probe(Supplier<CompletionStage<?>> caller) throws Exception {
        caller.get().toCompletableFuture().get(REQUEST_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static LoadResult run(Load load, String mode, int amount, Duration warmup, Duration duration)
            throws InterruptedException {
        return mode.equals("closed") ? load.closed(amount, warmup, duration) : load.paced(amount, warmup, duration);
    }

    /** The replier: one task that returns its parameters. */
    static final class EchoAgent extends RealtimeAgent {
        @Override
        protected void initialize() {
            onTask(ECHO, "Returns its parameters", request -> request.parameters());
        }
    }

    /** The caller: no handlers, only requests. */
    static final class CallerAgent extends RealtimeAgent {}
}
