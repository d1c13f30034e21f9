package io.realtimeagents.agent.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.hooks.AgentHook;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.delivery.HookRunner;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveService;
import io.realtimeagents.agent.internal.mqtt.MqttRuntime;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
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
 * transports (Kafka, MQTT); and the answers of the HTTP endpoints (health, probes, status, tasks, metrics). The parts
 * are built by {@link AgentWiring}, health and status assembled by {@link AgentHealth}, rotated secrets applied by
 * {@link SecretRotation}.
 */
public final class AgentRuntime implements AgentServices {
    private final AgentWiring parts;
    private final Duration shutdownTimeout;
    private final List<InboundTransport> transports = new CopyOnWriteArrayList<>();
    private final SecretRotation rotation;
    private final AgentHealth health;
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
        this.parts = AgentWiring.of(config, info, processor);
        transports.addAll(parts.transportsBeforeStart());
        this.rotation = new SecretRotation(config, transports, AgentWiring.RECONNECT_SETTINGS);
        this.health = new AgentHealth(rotation::current, info, parts, transports, () -> stopping);
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
        parts.live().start();
        for (InboundTransport created : parts.transportsAtStart(config(), mqttSubscriptions)) {
            transports.add(created);
            if (created instanceof MqttRuntime publisher) {
                mqtt = publisher;
            }
        }
        for (InboundTransport transport : transports) {
            transport.start();
        }
    }

    /**
     * Readiness turns false; the transports stop taking messages, in reverse order, finishing and acknowledging or
     * committing in-flight ones: MQTT disconnects, then Kafka consuming stops.
     */
    public void stopConsuming() {
        stopping = true;
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
            parts.taskExecutor().close();
            drainTransports(transports.size() - 1);
            parts.live().close();
            closeTransports(transports.size() - 1);
        } finally {
            parts.metrics().close();
        }
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

    private KafkaRuntime kafka() {
        if (parts.kafka() == null) {
            throw new RealtimeAgentException(
                    "Kafka is disabled (REALTIME_ENABLED=false): enable it to emit events or send Kafka messages");
        }
        return parts.kafka();
    }

    /** {@code GET /health}: the reference's fields; 503 when not alive. */
    public HttpReply health() {
        return health.health();
    }

    /** {@code GET /health/live}: fails only when the consumer loop died or stopped polling; pauses do not count. */
    public HttpReply liveness() {
        return health.liveness();
    }

    /** {@code GET /health/ready}: brokers reachable and the consumer's group assignment received. */
    public HttpReply readiness() {
        return health.readiness();
    }

    /** {@code GET /realtime/status}. */
    public HttpReply status() {
        return health.status();
    }

    /** {@code GET /realtime/connections}: live connections and subscribers per topic. */
    public HttpReply connections() {
        return HttpReply.ok(parts.live().connections());
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    public String scrape() {
        return parts.metrics().scrape();
    }

    /**
     * {@code POST <path>} of a task endpoint; the task runs on the task executor, never on the calling thread.
     *
     * @param correlationId the request's {@code X-Correlation-Id} header, or null
     */
    public CompletionStage<HttpReply> runTaskAt(String path, String body, String correlationId) {
        return parts.tasks().runAt(path, body, correlationId);
    }

    /** A request whose body is larger than {@code HTTP_MAX_REQUEST_BYTES}: 413. */
    public HttpReply requestTooLarge() {
        return HttpReply.error(
                413,
                "request_too_large",
                "The request body is larger than the limit of " + config().get(AgentSettings.HTTP_MAX_REQUEST_BYTES)
                        + " bytes (HTTP_MAX_REQUEST_BYTES): send a smaller body or raise the limit");
    }

    /** A request whose method its path does not take. */
    public HttpReply methodNotAllowed(String method, String path) {
        return parts.tasks().methodNotAllowed(method, path);
    }

    /** {@code POST /tasks}: a task request naming its task type; run like {@link #runTaskAt}. */
    public CompletionStage<HttpReply> runTask(String body, String correlationId) {
        return parts.tasks().runNamed(body, correlationId);
    }
}
