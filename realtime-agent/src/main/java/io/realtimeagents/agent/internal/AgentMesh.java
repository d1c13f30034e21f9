package io.realtimeagents.agent.internal;

import io.realtimeagents.agent.internal.mesh.AgentRegistry;
import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's side of the mesh: its card, built from its configuration and declared tasks once its HTTP port is
 * known, and the registry it announces it on (absent when {@code AGENT_REGISTRY_ENABLED} is false or Kafka is off).
 */
final class AgentMesh {
    /** The paths announced in the card: those the HTTP server serves. */
    static final String WEBSOCKET_PATH = "/ws";

    static final String SSE_PATH = "/stream/events";
    static final String HEALTH_PATH = "/health";

    private final String instanceId =
            AgentConfig.hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final Instant startedAt = Instant.now();
    private final List<String> declared = new CopyOnWriteArrayList<>();
    private volatile AgentRegistry registry;

    /** Adds a capability declared in code to those of {@code AGENT_CAPABILITIES}; refused once the agent started. */
    void declare(String capability, boolean started) {
        if (started) {
            throw new IllegalStateException("Capabilities are declared in initialize(), before the agent starts: "
                    + capability + " came too late");
        }
        declared.add(capability);
    }

    /** Sets the registry, once created at the start. */
    void use(AgentRegistry created) {
        registry = created;
    }

    /**
     * Announces this instance, then waits for {@code AGENT_DEPENDENCIES}; does nothing without a registry.
     *
     * @throws io.realtimeagents.agent.mesh.MissingDependenciesException naming the services still missing at the
     *     timeout
     */
    void join(AgentConfig config, AgentInfo info, int port) {
        AgentRegistry current = registry;
        if (current == null) {
            return;
        }
        current.announce(card(config, info, port));
        current.awaitDependencies();
    }

    private AgentInstance card(AgentConfig config, AgentInfo info, int port) {
        List<AgentInstance.TaskType> tasks = new ArrayList<>();
        info.taskDescriptions().forEach((type, text) -> tasks.add(new AgentInstance.TaskType(type, text, List.of())));
        String url = config.get(AgentSettings.AGENT_ADVERTISED_URL);
        List<String> capabilities = new ArrayList<>(config.get(AgentSettings.AGENT_CAPABILITIES));
        capabilities.addAll(declared);
        return new AgentInstance(
                config.serviceName(),
                instanceId,
                config.get(AgentSettings.AGENT_VERSION),
                info.description(),
                tasks,
                capabilities,
                url != null ? url : "http://" + AgentConfig.hostName() + ":" + port,
                config.get(AgentSettings.WEBSOCKET_ENABLED) ? WEBSOCKET_PATH : null,
                SSE_PATH,
                HEALTH_PATH,
                config.requestTopic(),
                startedAt,
                AgentRegistry.lease(config));
    }

    /** The directory of live agents. */
    AgentDirectory directory() {
        AgentRegistry current = registry;
        if (current == null) {
            throw new RealtimeAgentException("The agent registry is off: it needs Kafka (REALTIME_ENABLED=true) and"
                    + " AGENT_REGISTRY_ENABLED=true, and the agent to be started");
        }
        return current.directory();
    }

    /** {@code GET /realtime/agents}: the live instances this agent sees; 404 when the registry is off. */
    HttpReply agents() {
        AgentRegistry current = registry;
        if (current == null) {
            return HttpReply.error(
                    404,
                    "registry_disabled",
                    "The agent registry is off: enable Kafka (REALTIME_ENABLED) and AGENT_REGISTRY_ENABLED");
        }
        return HttpReply.ok(current.cards());
    }
}
