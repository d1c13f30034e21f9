package io.realtimeagents.agent.internal;

import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The answers of {@code /health}, {@code /health/live}, {@code /health/ready} and {@code /realtime/status}, assembled
 * from the agent's parts and from what each inbound transport reports, in list order.
 */
final class AgentHealth {
    private final Supplier<AgentConfig> config;
    private final AgentInfo info;
    private final AgentWiring parts;
    private final List<InboundTransport> transports;
    private final BooleanSupplier stopping;
    private final Instant startedAt = Instant.now();

    /**
     * @param config the configuration in effect
     * @param transports the agent's transports (a live view: transports added at start are reported)
     * @param stopping whether the agent is shutting down (readiness then fails)
     */
    AgentHealth(
            Supplier<AgentConfig> config,
            AgentInfo info,
            AgentWiring parts,
            List<InboundTransport> transports,
            BooleanSupplier stopping) {
        this.config = config;
        this.info = info;
        this.parts = parts;
        this.transports = transports;
        this.stopping = stopping;
    }

    /** {@code GET /health}: the reference's fields; 503 when not alive. */
    HttpReply health() {
        boolean alive = liveProblems().isEmpty();
        boolean ready = readyProblems().isEmpty();
        AgentConfig current = config.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !alive ? "unhealthy" : ready ? "healthy" : "degraded");
        body.put("service", current.serviceName());
        body.put("realtime_enabled", parts.realtimeEnabled());
        body.put("websocket_enabled", current.get(AgentSettings.WEBSOCKET_ENABLED));
        body.put("connections", parts.live().totalConnections());
        body.put("message_count", parts.metrics().processedTotal());
        body.put("error_count", parts.metrics().errorTotal());
        for (InboundTransport transport : transports) {
            Map<String, Object> fragment = transport.healthFragment();
            if (fragment != null) {
                body.put(transport.name(), fragment); // only when on: the reference's fields stay as they are
            }
        }
        Map<String, Object> liveFeed = parts.live().feedHealth();
        if (liveFeed != null) {
            body.put("live_feed", liveFeed); // only while it is down
        }
        return new HttpReply(alive ? 200 : 503, body);
    }

    /** {@code GET /health/live}: fails only when a transport cannot recover (a dead or stuck consumer loop). */
    HttpReply liveness() {
        return probe(liveProblems());
    }

    /** {@code GET /health/ready}: every transport ready (brokers reachable, partitions assigned, connected). */
    HttpReply readiness() {
        return probe(readyProblems());
    }

    private static HttpReply probe(List<String> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problems.isEmpty() ? "UP" : "DOWN");
        body.put("problems", problems);
        return new HttpReply(problems.isEmpty() ? 200 : 503, body);
    }

    private List<String> liveProblems() {
        List<String> problems = new ArrayList<>();
        for (InboundTransport transport : transports) {
            TransportHealth health = transport.health();
            if (!health.up()) {
                problems.add(health.reason());
            }
        }
        return problems;
    }

    private List<String> readyProblems() {
        List<String> problems = liveProblems();
        if (stopping.getAsBoolean()) {
            problems.add("the agent is shutting down");
        }
        for (InboundTransport transport : transports) {
            problems.addAll(transport.readinessProblems());
        }
        return problems;
    }

    /** {@code GET /realtime/status}. */
    HttpReply status() {
        AgentConfig current = config.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_type", current.get(AgentSettings.AGENT_TYPE));
        body.put("service", current.serviceName());
        body.put("description", info.description());
        body.put("realtime_enabled", parts.realtimeEnabled());
        body.put("websocket_enabled", current.get(AgentSettings.WEBSOCKET_ENABLED));
        body.put("connections", List.of());
        body.put("live", parts.live().connections());
        body.put(
                "active_streams",
                transports.stream()
                        .flatMap(transport -> transport.activeStreams().stream())
                        .toList());
        body.put("message_count", parts.metrics().processedTotal());
        body.put("error_count", parts.metrics().errorTotal());
        body.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        body.put("task_types", info.taskTypes().stream().sorted().toList());
        body.put("tasks", parts.taskExecutor().status());
        body.put(
                "message_types",
                parts.handlers().messageTypes().stream().sorted().toList());
        body.put(
                "event_types",
                parts.handlers().eventTypes().stream()
                        .map(Object::toString)
                        .sorted()
                        .toList());
        Map<String, Object> byTransport = new LinkedHashMap<>(AgentWiring.OFF_STATUS);
        for (InboundTransport transport : transports) {
            byTransport.put(transport.name(), transport.status());
        }
        body.putAll(byTransport);
        return HttpReply.ok(body);
    }
}
