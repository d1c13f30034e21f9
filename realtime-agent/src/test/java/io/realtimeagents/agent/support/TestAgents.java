package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.KafkaBroker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Configurations and start-up of agents under test. */
public final class TestAgents {
    /** Wait between retries of a failed handler: short, so tests stay fast. */
    public static final Duration RETRY_BACKOFF = Duration.ofMillis(20);
    /** Longest wait between retries. */
    public static final Duration RETRY_BACKOFF_MAX = Duration.ofMillis(50);
    /** How often agents under test commit offsets. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestAgents() {}

    /** A name no other test uses, usable as a service name and consumer group. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A configuration of the given broker with a unique service name (hence consumer group), any free HTTP port,
     * two fast retries and frequent commits. The agent registry is off (its {@code agent_joined} events would count
     * among the events tests read); tests of the registry turn it on.
     */
    public static AgentConfig.Builder config(KafkaBroker broker, String servicePrefix) {
        return AgentConfig.builder()
                .serviceName(uniqueName(servicePrefix))
                .kafkaBootstrapServers(broker.bootstrapServers())
                .httpPort(0)
                .retries(2, RETRY_BACKOFF, RETRY_BACKOFF_MAX)
                .set(AgentSettings.KAFKA_COMMIT_INTERVAL, COMMIT_INTERVAL)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, Duration.ofSeconds(10))
                .set(AgentSettings.AGENT_REGISTRY_ENABLED, false);
    }

    /** Starts the agent instance with the configuration. */
    public static RunningAgent start(RealtimeAgent agent, AgentConfig config) {
        return RealtimeAgents.app(() -> agent).config(config).start();
    }
}
