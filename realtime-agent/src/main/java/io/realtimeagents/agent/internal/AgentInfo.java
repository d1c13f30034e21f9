package io.realtimeagents.agent.internal;

import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the runtime knows of the agent it runs.
 *
 * @param description what the service does
 * @param declaredTaskTypes the task types the agent supports, read when asked: the agent declares them while it starts
 * @param endpoints the task endpoints
 */
public record AgentInfo(
        String description,
        Supplier<Set<String>> declaredTaskTypes,
        List<TaskEndpoint> endpoints,
        List<WebSocketEndpoint> webSocketEndpoints) {
    /** Copies the collections. */
    public AgentInfo {
        endpoints = List.copyOf(endpoints);
        webSocketEndpoints = List.copyOf(webSocketEndpoints);
    }

    /** The task types the agent supports now. */
    public Set<String> taskTypes() {
        return Set.copyOf(declaredTaskTypes.get());
    }
}
