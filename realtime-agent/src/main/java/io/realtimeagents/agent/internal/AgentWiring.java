package io.realtimeagents.agent.internal;

import io.realtimeagents.agent.internal.delivery.HookRunner;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveService;
import io.realtimeagents.agent.internal.mesh.AgentRegistry;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.mqtt.MqttRuntime;
import io.realtimeagents.agent.internal.request.AgentRequests;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The parts of a running agent, built from its configuration: meters, the task executor and runner, Kafka (when
 * realtime is enabled), live delivery and HTTP access control; and, at start, the MQTT transport when it is configured.
 * The inbound transports are listed here, and only here: a new one is built in {@link #transportsAtStart}.
 *
 * @param handlers the handlers the agent registers before it starts
 * @param metrics the agent's meters
 * @param taskExecutor runs tasks off the HTTP threads
 * @param tasks the task endpoints' logic
 * @param kafka the Kafka side; null when realtime is disabled
 * @param live live delivery to WebSocket and SSE clients
 * @param httpAccess access control of the task and status endpoints
 * @param instanceId this agent instance's id, a random UUID: replies to its requests are addressed to it
 * @param requests request/reply with other agents; null when realtime is disabled
 * @param hooks the hooks the agent adds before it starts
 */
record AgentWiring(
        HandlerRegistry handlers,
        AgentMetrics metrics,
        TaskExecutor taskExecutor,
        TaskRunner tasks,
        KafkaRuntime kafka,
        LiveService live,
        HttpAccess httpAccess,
        String instanceId,
        AgentRequests requests,
        HookRunner hooks) {
    /**
     * The {@code /realtime/status} object of each transport while it is off, in the order they are listed: {@code
     * kafka} is empty, {@code mqtt} says it is disabled.
     */
    static final Map<String, Map<String, Object>> OFF_STATUS = offStatus();

    /**
     * The settings the transports apply without a restart, whether they are on or not: a change to the credentials
     * of a transport that is off needs no restart either.
     */
    static final Set<Setting<?>> RECONNECT_SETTINGS = reconnectSettings();

    /**
     * Builds the parts; Kafka clients are created when realtime is enabled.
     *
     * @throws io.realtimeagents.common.ConfigurationException when a Kafka pass-through property is invalid
     */
    static AgentWiring of(AgentConfig config, AgentInfo info, Function<TaskRequest, TaskResult> processor) {
        HandlerRegistry handlers = new HandlerRegistry();
        AgentMetrics metrics = new AgentMetrics(config.serviceName());
        HookRunner hooks = new HookRunner(metrics.registry());
        TaskExecutor taskExecutor = TaskExecutor.from(config, metrics.registry());
        TaskRunner tasks = new TaskRunner(info.endpoints(), processor, taskExecutor);
        KafkaRuntime kafka = null;
        if (config.get(AgentSettings.REALTIME_ENABLED)) {
            try {
                kafka = KafkaRuntime.create(config, metrics, handlers, hooks);
            } catch (RuntimeException e) {
                metrics.close();
                throw e;
            }
        }
        String instanceId = UUID.randomUUID().toString();
        AgentRequests requests =
                kafka == null ? null : new AgentRequests(config, instanceId, kafka.sender(), metrics.registry());
        LiveService live = LiveService.create(
                config,
                info.webSocketEndpoints(),
                metrics.registry(),
                kafka,
                processor,
                taskExecutor,
                requests == null ? null : requests::request);
        if (kafka != null) {
            kafka.follow(live); // the live feed reads Kafka: it reconnects with it and counts in its readiness
        }
        HttpAccess httpAccess = new HttpAccess(live.access(), info.endpoints());
        return new AgentWiring(
                handlers, metrics, taskExecutor, tasks, kafka, live, httpAccess, instanceId, requests, hooks);
    }

    /** The transports that exist before the agent starts: Kafka, when enabled. */
    List<InboundTransport> transportsBeforeStart() {
        return kafka == null ? List.of() : List.of(kafka);
    }

    /**
     * The transports created at start, once the handlers and the subscriptions made in code are known: MQTT, when it
     * is configured or subscribed to in code; the agent registry, when Kafka is on and {@code AGENT_REGISTRY_ENABLED}.
     *
     * @throws io.realtimeagents.common.ConfigurationException when MQTT is misconfigured
     */
    List<InboundTransport> transportsAtStart(AgentConfig config, List<MqttSubscription> mqttSubscriptions) {
        List<InboundTransport> created = new ArrayList<>();
        if (config.mqttEnabled() || !mqttSubscriptions.isEmpty()) {
            created.add(MqttRuntime.create(config, List.copyOf(mqttSubscriptions), handlers, kafka, metrics));
        }
        if (kafka != null && config.get(AgentSettings.AGENT_REGISTRY_ENABLED)) {
            // Last: drained first at a stop, so the tombstone is written before anything else stops.
            created.add(AgentRegistry.create(config, kafka, metrics.registry()));
        }
        return created;
    }

    /** Makes the agent serve requests on its request topic when it declares tasks and Kafka is enabled. */
    void serveRequests(AgentInfo info, Function<TaskRequest, TaskResult> processor) {
        if (requests != null && !info.taskTypes().isEmpty()) {
            requests.serve(handlers, processor); // its request topic, consumed by the Kafka transport
        }
    }

    /** The request/reply side, to request a task of {@code service}. */
    AgentRequests requests(String service) {
        if (requests == null) {
            throw new RealtimeAgentException(
                    "Kafka is disabled (REALTIME_ENABLED=false): enable it to request tasks of service '" + service
                            + "'");
        }
        return requests;
    }

    /** Fails the requests to other agents still waiting for their replies, at once. */
    void stopRequests() {
        if (requests != null) {
            requests.stop();
        }
    }

    /** Closes the reader of replies. */
    void closeRequests() {
        if (requests != null) {
            requests.close();
        }
    }

    /** Whether Kafka is enabled, the {@code realtime_enabled} of {@code /health} and {@code /realtime/status}. */
    boolean realtimeEnabled() {
        return kafka != null;
    }

    private static Map<String, Map<String, Object>> offStatus() {
        Map<String, Map<String, Object>> off = new LinkedHashMap<>();
        off.put("kafka", KafkaRuntime.OFF_STATUS);
        off.put("mqtt", MqttRuntime.OFF_STATUS);
        return java.util.Collections.unmodifiableMap(off);
    }

    private static Set<Setting<?>> reconnectSettings() {
        Set<Setting<?>> settings = new HashSet<>(KafkaRuntime.RECONNECT_SETTINGS);
        settings.addAll(MqttRuntime.RECONNECT_SETTINGS);
        return Set.copyOf(settings);
    }
}
