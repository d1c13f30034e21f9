package io.realtimeagents.agent.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agent serving tasks to other agents: {@code double} answers {@code {"doubled": 2n, "served_by": id}} for
 * parameter {@code n}, after sleeping {@code sleep_ms} when given; {@code fail} throws with the parameter {@code why}.
 * Run as the main class of its own JVM with the agent's configuration as {@code --property=value} plus
 * {@code --replier-id=<id>}, so that a test can kill it.
 */
public class ReplierAgent extends RealtimeAgent {
    private final String id;
    private final AtomicInteger served = new AtomicInteger();

    /** A replier that names itself {@code id} in its results. */
    public ReplierAgent(String id) {
        this.id = id;
    }

    @Override
    protected void initialize() {
        onTask("double", "Doubles n", request -> {
            Object sleep = request.parameters().get("sleep_ms");
            if (sleep != null) {
                Thread.sleep(((Number) sleep).longValue());
            }
            served.incrementAndGet();
            long n = ((Number) request.parameters().get("n")).longValue();
            return Map.of("doubled", 2 * n, "served_by", id);
        });
        onTask("fail", "Always fails", request -> {
            throw new IllegalStateException(
                    "cannot do it: " + request.parameters().get("why"));
        });
    }

    /** Starts the agent and serves until the process is stopped. */
    public static void main(String[] args) {
        String id = "child";
        for (String arg : args) {
            if (arg.startsWith("--replier-id=")) {
                id = arg.substring("--replier-id=".length());
            }
        }
        String replierId = id;
        RealtimeAgents.app(() -> new ReplierAgent(replierId)).args(args).runUntilStopped();
    }

    /** How many {@code double} tasks it finished. */
    public int served() {
        return served.get();
    }

    /** Its meters. */
    public MeterRegistry registry() {
        return meterRegistry();
    }
}
