package io.realtimeagents.agent.internal;

import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import java.util.List;
import java.util.Set;

/**
 * What the runtime knows of the agent it runs.
 *
 * @param description what the service does
 * @param taskTypes the task types the agent supports
 * @param endpoints the task endpoints
 */
public record AgentInfo(
        String description,
        Set<String> taskTypes,
        List<TaskEndpoint> endpoints,
        List<WebSocketEndpoint> webSocketEndpoints) {
    /** Copies the collections. */
    public AgentInfo {
        taskTypes = Set.copyOf(taskTypes);
        endpoints = List.copyOf(endpoints);
        webSocketEndpoints = List.copyOf(webSocketEndpoints);
    }
}
