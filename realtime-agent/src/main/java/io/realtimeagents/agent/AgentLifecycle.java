package io.realtimeagents.agent;

import io.realtimeagents.agent.internal.AgentInfo;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.server.HttpServer;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts an agent in order: runtime, handlers, consuming, HTTP, {@code onStart}; undoes what started on failure. */
final class AgentLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AgentLifecycle.class);

    private AgentLifecycle() {}

    static RunningAgent start(
            RealtimeAgent agent,
            AgentConfig config,
            String description,
            List<TaskEndpoint> endpoints,
            List<WebSocketEndpoint> webSocketEndpoints) {
        AgentRuntime runtime = new AgentRuntime(
                config,
                new AgentInfo(description, agent::taskTypes, endpoints, webSocketEndpoints, agent::taskDescriptions),
                agent::processTask);
        HttpServer server = null;
        try {
            agent.bind(runtime);
            agent.initialize();
            checkEndpoints(agent, endpoints, agent.taskTypes());
            runtime.startConsuming();
            server = HttpServer.start(runtime);
            RunningAgent running = new RunningAgent(agent, runtime, server);
            runtime.joinMesh(server.port());
            runtime.hooks().started(runtime.config());
            agent.onStart();
            LOG.info(
                    "{} started: HTTP on port {}, Kafka {}, topics {}",
                    config.serviceName(),
                    server.port(),
                    config.kafkaBootstrapServers(),
                    config.streamingTopics());
            return running;
        } catch (RuntimeException | Error e) {
            runtime.stopConsuming();
            runtime.close();
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    static void stop(RealtimeAgent agent, AgentRuntime runtime) {
        try {
            agent.onStop();
        } catch (RuntimeException e) {
            LOG.warn("{}.onStop() failed", agent.getClass().getSimpleName(), e);
        }
        runtime.hooks().stopped(runtime.config());
    }

    private static void checkEndpoints(RealtimeAgent agent, List<TaskEndpoint> endpoints, Set<String> taskTypes) {
        List<String> problems = new ArrayList<>();
        for (TaskEndpoint endpoint : endpoints) {
            if (!taskTypes.contains(endpoint.taskType())) {
                problems.add("Task endpoint " + endpoint.path() + " runs task type '" + endpoint.taskType() + "', but "
                        + agent.getClass().getSimpleName() + " declares " + taskTypes
                        + ": declare it with onTask(type, description, processor) in initialize() or fix the endpoint");
            }
        }
        if (endpoints.stream().map(TaskEndpoint::path).distinct().count() != endpoints.size()) {
            problems.add("Two task endpoints share a path: " + endpoints);
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
