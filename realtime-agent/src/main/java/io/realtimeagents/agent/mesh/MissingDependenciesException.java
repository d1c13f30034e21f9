package io.realtimeagents.agent.mesh;

import io.realtimeagents.common.RealtimeAgentException;
import java.time.Duration;
import java.util.List;

/** The services an agent waited for were not all live in the registry before the timeout. */
public final class MissingDependenciesException extends RealtimeAgentException {
    private static final long serialVersionUID = 1L;

    /** The missing services, in the order they were asked for. */
    private final List<String> missing;

    /**
     * @param missing the services with no live instance at the deadline
     * @param timeout how long it waited
     * @param registryTopic the registry topic the view reads
     */
    public MissingDependenciesException(List<String> missing, Duration timeout, String registryTopic) {
        super("No live instance of " + String.join(", ", missing) + " in the agent registry (" + registryTopic
                + ") after " + timeout.toMillis() + " ms: start " + (missing.size() == 1 ? "it" : "them")
                + ", check they use the same Kafka cluster and AGENT_REGISTRY_TOPIC, or raise"
                + " AGENT_DEPENDENCIES_TIMEOUT");
        this.missing = List.copyOf(missing);
    }

    /** The services with no live instance when the wait ended. */
    public List<String> missing() {
        return missing;
    }
}
