package io.realtimeagents.benchmarks.mesh;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.benchmarks.soak.SoakProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * How fast the agent registry sees instances come and go: an observer agent in this JVM, and instances of another
 * service started one at a time in JVMs of their own, each visible to the observer's {@code discover} some time after
 * it printed that it started, then killed (SIGKILL) and gone from the observer's view some time after its death.
 */
final class RegistryRuns {
    /** The service of the instances started and killed. */
    static final String SERVICE = "mesh-registry";

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private RegistryRuns() {}

    /**
     * What was measured.
     *
     * @param visibleMillis per instance, from its start line to the observer seeing it
     * @param goneMillis per instance, from its death to the observer no longer seeing it
     * @param lease the instances' lease
     */
    record Figures(List<Long> visibleMillis, List<Long> goneMillis, Duration lease) {}

    /** Starts and kills {@code instances} instances with the registry heartbeat {@code heartbeat}. */
    static Figures measure(String bootstrap, int instances, Duration heartbeat, Path logs) throws Exception {
        RealtimeAgent observer = new RealtimeAgent() {};
        List<Long> visible = new ArrayList<>();
        List<Long> gone = new ArrayList<>();
        Duration lease = null;
        try (RunningAgent running = RealtimeAgents.app(() -> observer)
                .config(MeshChild.config(bootstrap, "mesh-observer", heartbeat))
                .start()) {
            for (int i = 1; i <= instances; i++) {
                String name = "registry-instance-" + i;
                await(() -> observer.agents().discover(SERVICE).isEmpty(), "the previous instance to go");
                SoakProcess instance = SoakProcess.start(
                        name,
                        "256m",
                        MeshChild.class,
                        List.of("agent-replier", bootstrap, SERVICE, String.valueOf(heartbeat.toMillis())),
                        logs.resolve(name + ".log"),
                        MeshChild.READY);
                long started = System.nanoTime();
                visible.add(
                        await(() -> !observer.agents().discover(SERVICE).isEmpty(), name + " to be seen") - started);
                lease = observer.agents().discover(SERVICE).stream()
                        .map(AgentInstance::lease)
                        .findFirst()
                        .orElseThrow();
                instance.kill();
                long killed = System.nanoTime();
                gone.add(await(() -> observer.agents().discover(SERVICE).isEmpty(), name + " to go") - killed);
            }
        }
        return new Figures(millis(visible), millis(gone), lease);
    }

    /** Polls until {@code condition} holds; returns when it held, {@link System#nanoTime()}. */
    private static long await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The observer waited " + WAIT + " for " + what + " in the registry");
            }
            Thread.sleep(POLL);
        }
        return System.nanoTime();
    }

    private static List<Long> millis(List<Long> nanos) {
        return nanos.stream().map(value -> Math.max(0, value) / 1_000_000).toList();
    }
}
