package io.realtimeagents.agent.support;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.common.task.TaskProcessor;
import java.util.Map;
import java.util.Set;

/** Answers task type {@code echo} with its parameters ({@code echo}) and its query ({@code query}). */
public final class EchoAgent extends RealtimeAgent {
    @Override
    protected Set<String> supportedTaskTypes() {
        return Set.of("echo");
    }

    @Override
    protected TaskProcessor createProcessor() {
        return request -> Map.of("echo", request.parameters(), "query", String.valueOf(request.query()));
    }
}
