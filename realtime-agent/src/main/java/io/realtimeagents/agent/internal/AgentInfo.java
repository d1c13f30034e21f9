package io.realtimeagents.agent.internal;

import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the runtime knows of the agent it runs.
 *
 * @param description what the service does
 * @param declaredTaskTypes the task types the agent supports, read when asked: the agent declares them while it starts
 * @param endpoints the task endpoints
 * @param declaredTaskDescriptions what each task type does, read when asked (announced in the agent registry)
 */
public record AgentInfo(
        String description,
        Supplier<Set<String>> declaredTaskTypes,
        List<TaskEndpoint> endpoints,
        List<WebSocketEndpoint> webSocketEndpoints,
        Supplier<Map<String, String>> declaredTaskDescriptions) {
    /** Copies the collections. */
    public AgentInfo {
        endpoints = List.copyOf(endpoints);
        webSocketEndpoints = List.copyOf(webSocketEndpoints);
    }

    /** Task types without descriptions. */
    public AgentInfo(
            String description,
            Supplier<Set<String>> declaredTaskTypes,
            List<TaskEndpoint> endpoints,
            List<WebSocketEndpoint> webSocketEndpoints) {
        this(description, declaredTaskTypes, endpoints, webSocketEndpoints, Map::of);
    }

    /** What each task type does now, in declaration order; a type without a description has an empty one. */
    public Map<String, String> taskDescriptions() {
        Map<String, String> all = new LinkedHashMap<>();
        declaredTaskTypes.get().forEach(type -> all.put(type, ""));
        all.putAll(declaredTaskDescriptions.get());
        return all;
    }

    /** The task types the agent supports now. */
    public Set<String> taskTypes() {
        return Set.copyOf(declaredTaskTypes.get());
    }
}
