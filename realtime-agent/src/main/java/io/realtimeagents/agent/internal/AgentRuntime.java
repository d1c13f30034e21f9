package io.realtimeagents.agent.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.HookRunner;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveService;
import io.realtimeagents.agent.internal.mesh.AgentRegistry;
import io.realtimeagents.agent.internal.mqtt.MqttRuntime;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Everything a running agent is made of besides its own class: configuration, handlers, metrics, its inbound
 * transports (Kafka, MQTT, the agent registry). The parts are built by {@link AgentWiring}, health and status
 * assembled by {@link AgentHealth}, rotated secrets applied by {@link SecretRotation}, the HTTP endpoints' answers
 * given by {@link AgentEndpoints}.
 */
public final class AgentRuntime implements AgentServices {
    private final AgentWiring parts;
    private final Duration shutdownTimeout;
    private final List<InboundTransport> transports = new CopyOnWriteArrayList<>();
    private final SecretRotation rotation;
    private final AgentHealth health;
    private final AgentInfo info;
    private final Function<TaskRequest, TaskResult> processor;
    private final AgentMesh mesh = new AgentMesh();
    private final AgentEndpoints endpoints;
    private final List<MqttSubscription> mqttSubscriptions = new CopyOnWriteArrayList<>();
    private volatile MqttRuntime mqtt;
    private volatile boolean started;
    private volatile boolean stopping;

    /**
     * Creates the runtime; Kafka clients are created when realtime is enabled, consuming starts with
     * {@link #startConsuming()}.
     */
    public AgentRuntime(AgentConfig config, AgentInfo info, Function<TaskRequest, TaskResult> processor) {
        this.shutdownTimeout = config.shutdownTimeout();
        this.info = info;
        this.parts = AgentWiring.of(config, info, processor);
        this.processor = processor;
        transports.addAll(parts.transportsBeforeStart());
        this.rotation = new SecretRotation(config, transports, AgentWiring.RECONNECT_SETTINGS);
        this.health = new AgentHealth(rotation::current, info, parts, transports, () -> stopping);
        RemoteTaskRoute remoteTasks =
                new RemoteTaskRoute(parts.requests() == null ? null : parts.requests()::request, parts.taskExecutor());
        this.endpoints = new AgentEndpoints(parts, health, mesh, remoteTasks, rotation::current);
    }

    /** Access control of the HTTP task and status endpoints. */
    public HttpAccess httpAccess() {
        return parts.httpAccess();
    }

    /** Live delivery to WebSocket and SSE clients. */
    public LiveService live() {
        return parts.live();
    }

    /**
     * Starts consuming with the handlers registered so far: Kafka, then MQTT when it is configured.
     *
     * @throws io.realtimeagents.common.ConfigurationException when MQTT is misconfigured
     */
    public void startConsuming() {
        started = true;
        parts.serveRequests(info, processor);
        parts.live().start();
        for (InboundTransport created : parts.transportsAtStart(config(), mqttSubscriptions)) {
            transports.add(created);
            if (created instanceof MqttRuntime publisher) {
                mqtt = publisher;
            } else if (created instanceof AgentRegistry registry) {
                mesh.use(registry);
            }
        }
        for (InboundTransport transport : transports) {
            transport.start();
        }
    }

    /** Announces this instance in the registry (its HTTP port now known); waits for {@code AGENT_DEPENDENCIES}. */
    public void joinMesh(int port) {
        mesh.join(config(), info, port);
    }

    /**
     * Readiness turns false; the transports stop taking messages, in reverse order, finishing and acknowledging or
     * committing in-flight ones: MQTT disconnects, then Kafka consuming stops.
     */
    public void stopConsuming() {
        stopping = true;
        parts.stopRequests();
        drainTransports(transports.size() - 1);
    }

    /** Drains the transports from {@code index} down to the first, even when one of them fails. */
    private void drainTransports(int index) {
        if (index < 0) {
            return;
        }
        try {
            transports.get(index).drainAndStop(shutdownTimeout);
        } finally {
            drainTransports(index - 1);
        }
    }

    /**
     * Applies a configuration whose platform secrets changed: new Kafka connection settings (bootstrap servers,
     * SASL, TLS: any {@code KAFKA_CONSUMER_*}/{@code KAFKA_PRODUCER_*} property) reconnect the producer, the
     * consumer and the live feed; a new MQTT user name or password reconnects the MQTT client; nothing is lost. Other
     * changed settings are reported as needing a restart.
     *
     * @return the names of the changed settings that need a restart, empty when everything was applied
     */
    public List<String> rotate(AgentConfig next) {
        return stopping ? List.of() : rotation.rotate(next);
    }

    /**
     * Disconnects MQTT, closes live clients (WebSocket 1001), stops taking tasks, flushes and closes the producer and
     * the meters.
     */
    public void close() {
        stopping = true;
        try {
            parts.stopRequests();
            parts.taskExecutor().close();
            drainTransports(transports.size() - 1);
            parts.live().close();
            closeTransports(transports.size() - 1);
        } finally {
            parts.closeRequests();
            parts.metrics().close();
        }
    }

    /** This agent instance's id: a random UUID made at start, to which replies to its requests are addressed. */
    public String instanceId() {
        return parts.instanceId();
    }

    /** Closes the transports from {@code index} down to the first, even when one of them fails. */
    private void closeTransports(int index) {
        if (index < 0) {
            return;
        }
        try {
            transports.get(index).close();
        } finally {
            closeTransports(index - 1);
        }
    }

    @Override
    public AgentConfig config() {
        return rotation.current();
    }

    @Override
    public HandlerRegistry handlers() {
        return parts.handlers();
    }

    @Override
    public MeterRegistry meterRegistry() {
        return parts.metrics().registry();
    }

    @Override
    public void declareCapability(String capability) {
        mesh.declare(capability, started);
    }

    @Override
    public AgentDirectory directory() {
        return mesh.directory();
    }

    @Override
    public CompletionStage<SentRecord> emit(RealtimeEvent event) {
        return Handling.track(kafka().emit(event), "kafka topic", config().eventsTopic());
    }

    @Override
    public CompletionStage<SentRecord> broadcast(String topic, Object message) {
        return Handling.track(parts.live().broadcast(topic, message), "live topic", topic);
    }

    @Override
    public CompletionStage<SentRecord> send(String topic, String key, byte[] value, Map<String, String> headers) {
        return Handling.track(kafka().send(topic, key, value, headers), "kafka topic", topic);
    }

    @Override
    public void subscribeKafka(String topic, String messageType) {
        if (started) {
            throw new IllegalStateException("Kafka subscriptions are made in initialize(), before the agent starts: "
                    + topic + " came too late");
        }
        if (parts.kafka() == null) {
            throw new ConfigurationException("The agent subscribes to the Kafka topic " + topic
                    + " but Kafka is disabled (REALTIME_ENABLED=false): enable it or drop the subscription");
        }
        parts.handlers().subscribeKafka(topic, messageType);
    }

    @Override
    public void subscribeMqtt(MqttSubscription subscription) {
        if (started) {
            throw new IllegalStateException("MQTT subscriptions are made in initialize(), before the agent starts: "
                    + subscription + " came too late");
        }
        mqttSubscriptions.add(subscription);
    }

    @Override
    public void addHook(AgentHook hook) {
        parts.hooks().add(hook);
    }

    /** The agent's hooks. */
    public HookRunner hooks() {
        return parts.hooks();
    }

    @Override
    public CompletionStage<Void> publishMqtt(String topic, byte[] payload, int qos, boolean retained) {
        MqttRuntime current = mqtt;
        if (current == null) {
            throw new RealtimeAgentException(
                    "MQTT is not configured: set MQTT_HOST (and MQTT_PORT) to publish MQTT messages");
        }
        return Handling.track(current.publish(topic, payload, qos, retained), "mqtt topic", topic);
    }

    @Override
    public CompletionStage<TaskResult> request(String service, TaskRequest task, Duration timeout) {
        return parts.requests(service).request(service, task, timeout);
    }

    private KafkaRuntime kafka() {
        if (parts.kafka() == null) {
            throw new RealtimeAgentException(
                    "Kafka is disabled (REALTIME_ENABLED=false): enable it to emit events or send Kafka messages");
        }
        return parts.kafka();
    }

    /** The answers of the HTTP endpoints: health, probes, status, agents, tasks, metrics. */
    public AgentEndpoints endpoints() {
        return endpoints;
    }
}
