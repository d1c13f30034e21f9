package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.testkit.KafkaBroker;
import io.realtimeagents.testkit.TestAgent;

/**
 * Configurations and start-up of agents under test that {@link TestAgent} does not start: agents restarted with one
 * configuration, replicas, agents of several brokers.
 */
public final class TestAgents {
    private TestAgents() {}

    /** A name no other test uses, usable as a service name and consumer group. */
    public static String uniqueName(String prefix) {
        return TestAgent.uniqueName(prefix);
    }

    /**
     * The configuration {@link TestAgent} gives: the given broker, a unique service name (hence consumer group), any
     * free HTTP port, two fast retries, frequent commits, the registry off, and events and live topics of the service's own.
     */
    public static AgentConfig.Builder config(KafkaBroker broker, String servicePrefix) {
        String name = uniqueName(servicePrefix);
        broker.createTopic(name + ".events", 1);
        broker.createTopic(name + ".live", 1);
        return AgentConfig.builder()
                .serviceName(name)
                .kafkaBootstrapServers(broker.bootstrapServers())
                .httpPort(0)
                .retries(TestAgent.RETRIES, TestAgent.RETRY_BACKOFF, TestAgent.RETRY_BACKOFF_MAX)
                .set(AgentSettings.KAFKA_COMMIT_INTERVAL, TestAgent.COMMIT_INTERVAL)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, TestAgent.SHUTDOWN_TIMEOUT)
                .set(AgentSettings.AGENT_REGISTRY_ENABLED, false)
                .eventsTopic(name + ".events")
                .set(AgentSettings.KAFKA_LIVE_TOPIC, name + ".live");
    }

    /** Starts the agent instance with the configuration. */
    public static RunningAgent start(RealtimeAgent agent, AgentConfig config) {
        return RealtimeAgents.app(() -> agent).config(config).start();
    }
}
