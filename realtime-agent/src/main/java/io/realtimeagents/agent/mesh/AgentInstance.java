package io.realtimeagents.agent.mesh;

import io.realtimeagents.common.internal.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The card of one running agent instance, as it announces itself on the registry topic. Immutable.
 *
 * @param service the service name, shared by the service's replicas
 * @param instanceId this instance's id, unique among the service's instances
 * @param version the agent's version ({@code AGENT_VERSION})
 * @param description what the service does
 * @param taskTypes the task types it runs, in declaration order
 * @param capabilities what it can do ({@code AGENT_CAPABILITIES} and those declared in code), sorted
 * @param httpBaseUrl the HTTP base URL other agents reach it at, e.g. {@code http://host:8080}
 * @param webSocketPath the path of its WebSocket endpoint, e.g. {@code /ws}; null when WebSocket is off
 * @param ssePath the path of its event stream, e.g. {@code /stream/events}
 * @param healthPath the path of its health endpoint, e.g. {@code /health}
 * @param requestTopic the Kafka topic of requests to its service, e.g. {@code orders.requests}; null when none
 * @param startedAt when the instance started
 * @param lease how long the instance counts as live after each heartbeat
 */
public record AgentInstance(
        String service,
        String instanceId,
        String version,
        String description,
        List<TaskType> taskTypes,
        List<String> capabilities,
        String httpBaseUrl,
        String webSocketPath,
        String ssePath,
        String healthPath,
        String requestTopic,
        Instant startedAt,
        Duration lease) {
    /**
     * A task type an instance runs.
     *
     * @param id the task type, e.g. {@code summarize}
     * @param description what it does; empty when not given
     * @param tags free-form labels; empty when none
     */
    public record TaskType(String id, String description, List<String> tags) {
        /** Checks the id and copies the tags. */
        public TaskType {
            Checks.notBlank(id, "task type id");
            description = description == null ? "" : description;
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** Checks the identifying fields and the lease, and copies the lists. */
    public AgentInstance {
        Checks.notBlank(service, "service");
        Checks.notBlank(instanceId, "instanceId");
        Checks.notNull(startedAt, "startedAt");
        Checks.notNull(lease, "lease");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        version = version == null ? "unknown" : version;
        description = description == null ? "" : description;
        taskTypes = taskTypes == null ? List.of() : List.copyOf(taskTypes);
        capabilities = capabilities == null
                ? List.of()
                : capabilities.stream().distinct().sorted().toList();
    }

    /** The instance's key on the registry topic: {@code <service>/<instanceId>}. */
    public String key() {
        return service + "/" + instanceId;
    }

    /** Whether it announced the capability. */
    public boolean hasCapability(String capability) {
        return capabilities.contains(capability);
    }

    /** Whether it runs the task type. */
    public boolean runsTaskType(String taskType) {
        return taskTypes.stream().anyMatch(type -> type.id().equals(taskType));
    }
}
