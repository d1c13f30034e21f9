package io.realtimeagents.agent.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.Handling;
import io.realtimeagents.agent.internal.kafka.ConsumerStatus;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.LiveService;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.mqtt.MqttRuntime;
import io.realtimeagents.common.RealtimeAgentException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.model.RealtimeEvent;
import io.realtimeagents.common.mqtt.MqttSubscription;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a running agent is made of besides its own class: configuration, handlers, metrics, Kafka; and the
 * answers of the HTTP endpoints (health, probes, status, tasks, metrics).
 */
public final class AgentRuntime implements AgentServices {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    private static final Duration STALLED_POLL = Duration.ofSeconds(60);

    private volatile AgentConfig config;
    private final AgentInfo info;
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final AgentMetrics metrics;
    private final KafkaRuntime kafka;
    private final TaskExecutor taskExecutor;
    private final TaskRunner tasks;
    private final LiveService live;
    private final HttpAccess httpAccess;
    private final Instant startedAt = Instant.now();
    private final List<MqttSubscription> mqttSubscriptions = new CopyOnWriteArrayList<>();
    private volatile MqttRuntime mqtt;
    private volatile boolean started;
    private volatile boolean stopping;
    private boolean mqttClosed; // guarded by this

    /**
     * Creates the runtime; Kafka clients are created when realtime is enabled, consuming starts with
     * {@link #startConsuming()}.
     */
    public AgentRuntime(AgentConfig config, AgentInfo info, Function<TaskRequest, TaskResult> processor) {
        this.config = config;
        this.info = info;
        this.metrics = new AgentMetrics(config.serviceName());
        this.taskExecutor = TaskExecutor.from(config, metrics.registry());
        this.tasks = new TaskRunner(info.endpoints(), processor, taskExecutor);
        KafkaRuntime created = null;
        if (config.get(AgentSettings.REALTIME_ENABLED)) {
            try {
                created = KafkaRuntime.create(config, metrics);
            } catch (RuntimeException e) {
                metrics.close();
                throw e;
            }
        }
        this.kafka = created;
        this.live = LiveService.create(
                config, info.webSocketEndpoints(), metrics.registry(), created, processor, taskExecutor);
        this.httpAccess = new HttpAccess(live.access(), info.endpoints());
    }

    /** Access control of the HTTP task and status endpoints. */
    public HttpAccess httpAccess() {
        return httpAccess;
    }

    /** Live delivery to WebSocket and SSE clients. */
    public LiveService live() {
        return live;
    }

    /**
     * Starts consuming with the handlers registered so far: Kafka, then MQTT when it is configured.
     *
     * @throws io.realtimeagents.common.ConfigurationException when MQTT is misconfigured
     */
    public void startConsuming() {
        started = true;
        live.start();
        MqttRuntime created = null;
        if (config.mqttEnabled() || !mqttSubscriptions.isEmpty()) {
            created = MqttRuntime.create(config, List.copyOf(mqttSubscriptions), handlers, kafka, metrics);
            mqtt = created;
        }
        if (kafka != null) {
            kafka.startConsuming(handlers);
        }
        if (created != null) {
            created.start();
        }
    }

    /**
     * Readiness turns false; MQTT stops taking messages, finishes and acknowledges in-flight ones and disconnects; Kafka
     * consuming stops, finishing and committing in-flight records.
     */
    public void stopConsuming() {
        stopping = true;
        try {
            closeMqtt();
        } finally {
            if (kafka != null) {
                kafka.stopConsuming();
            }
        }
    }

    private synchronized void closeMqtt() {
        if (mqtt != null && !mqttClosed) {
            mqttClosed = true;
            mqtt.close();
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
    public synchronized List<String> rotate(AgentConfig next) {
        if (stopping) {
            return List.of();
        }
        AgentConfig previous = config;
        List<String> needRestart = new ArrayList<>();
        boolean kafkaChanged = !previous.kafkaConsumerProperties().equals(next.kafkaConsumerProperties())
                || !previous.kafkaProducerProperties().equals(next.kafkaProducerProperties());
        boolean mqttChanged = false;
        for (Setting<?> setting : AgentSettings.all()) {
            if (Objects.equals(previous.get(setting), next.get(setting))) {
                continue;
            }
            if (setting == AgentSettings.KAFKA_BOOTSTRAP_SERVERS) {
                kafkaChanged = true;
            } else if (setting == AgentSettings.MQTT_USER || setting == AgentSettings.MQTT_PASSWORD) {
                mqttChanged = true;
            } else {
                needRestart.add(setting.env());
            }
        }
        config = next;
        if (kafkaChanged && kafka != null) {
            LOG.info("Kafka connection settings changed: reconnecting the producer, the consumer and the live feed");
            kafka.reconnect(next);
            live.reconnect(next);
        }
        MqttRuntime current = mqtt;
        if (mqttChanged && current != null) {
            current.reconnectWith(next.get(AgentSettings.MQTT_USER), next.get(AgentSettings.MQTT_PASSWORD));
        }
        return needRestart;
    }

    /**
     * Disconnects MQTT, closes live clients (WebSocket 1001), stops taking tasks, flushes and closes the producer and
     * the meters.
     */
    public void close() {
        stopping = true;
        try {
            taskExecutor.close();
            closeMqtt();
            live.close();
            if (kafka != null) {
                kafka.close();
            }
        } finally {
            metrics.close();
        }
    }

    @Override
    public AgentConfig config() {
        return config;
    }

    @Override
    public HandlerRegistry handlers() {
        return handlers;
    }

    @Override
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    @Override
    public CompletionStage<SentRecord> emit(RealtimeEvent event) {
        return Handling.track(kafka().emit(event), "kafka topic", config.eventsTopic());
    }

    @Override
    public CompletionStage<SentRecord> broadcast(String topic, Object message) {
        return Handling.track(live.broadcast(topic, message), "live topic", topic);
    }

    @Override
    public CompletionStage<SentRecord> send(String topic, String key, byte[] value, Map<String, String> headers) {
        return Handling.track(kafka().send(topic, key, value, headers), "kafka topic", topic);
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
    public CompletionStage<Void> publishMqtt(String topic, byte[] payload, int qos, boolean retained) {
        MqttRuntime current = mqtt;
        if (current == null) {
            throw new RealtimeAgentException(
                    "MQTT is not configured: set MQTT_HOST (and MQTT_PORT) to publish MQTT messages");
        }
        return Handling.track(current.publish(topic, payload, qos, retained), "mqtt topic", topic);
    }

    private KafkaRuntime kafka() {
        if (kafka == null) {
            throw new RealtimeAgentException(
                    "Kafka is disabled (REALTIME_ENABLED=false): enable it to emit events or send Kafka messages");
        }
        return kafka;
    }

    /** {@code GET /health}: the reference's fields; 503 when not alive. */
    public HttpReply health() {
        boolean alive = liveProblems().isEmpty();
        boolean ready = readyProblems().isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !alive ? "unhealthy" : ready ? "healthy" : "degraded");
        body.put("service", config.serviceName());
        body.put("realtime_enabled", kafka != null);
        body.put("websocket_enabled", config.get(AgentSettings.WEBSOCKET_ENABLED));
        body.put("connections", live.totalConnections());
        body.put("message_count", metrics.processedTotal());
        body.put("error_count", metrics.errorTotal());
        MqttRuntime current = mqtt;
        if (current != null) {
            body.put("mqtt", current.health()); // only when enabled: the reference's fields stay as they are
        }
        Map<String, Object> liveFeed = live.feedHealth();
        if (liveFeed != null) {
            body.put("live_feed", liveFeed); // only while it is down
        }
        return new HttpReply(alive ? 200 : 503, body);
    }

    /** {@code GET /health/live}: fails only when the consumer loop died or stopped polling; pauses do not count. */
    public HttpReply liveness() {
        return probe(liveProblems());
    }

    /** {@code GET /health/ready}: brokers reachable and the consumer's group assignment received. */
    public HttpReply readiness() {
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
        ConsumerStatus consumer = kafka == null ? null : kafka.consumerStatus();
        if (consumer != null && consumer.fatalFailure() != null) {
            problems.add("the Kafka consumer loop stopped: " + consumer.fatalFailure());
        } else if (consumer != null
                && !consumer.isStopped()
                && consumer.millisSinceLastPoll() > STALLED_POLL.toMillis()) {
            problems.add("the Kafka consumer has not polled for " + consumer.millisSinceLastPoll() + " ms");
        }
        return problems;
    }

    private List<String> readyProblems() {
        List<String> problems = new ArrayList<>(liveProblems());
        if (stopping) {
            problems.add("the agent is shutting down");
        }
        if (kafka != null) {
            if (!kafka.brokers().reachable()) {
                problems.add("Kafka brokers at " + config.kafkaBootstrapServers() + " are not reachable: "
                        + kafka.brokers().lastError());
            }
            ConsumerStatus consumer = kafka.consumerStatus();
            if (consumer != null && consumer.restartProblem() != null) {
                problems.add(consumer.restartProblem());
            } else if (consumer != null && !consumer.hasJoinedGroup()) {
                problems.add("the consumer has not yet received its partitions from group " + config.consumerGroup());
            }
        }
        problems.addAll(live.problems());
        MqttRuntime current = mqtt;
        if (current != null) {
            problems.addAll(current.readyProblems());
        }
        return problems;
    }

    /** {@code GET /realtime/status}. */
    public HttpReply status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_type", config.get(AgentSettings.AGENT_TYPE));
        body.put("service", config.serviceName());
        body.put("description", info.description());
        body.put("realtime_enabled", kafka != null);
        body.put("websocket_enabled", config.get(AgentSettings.WEBSOCKET_ENABLED));
        body.put("connections", List.of());
        body.put("live", live.connections());
        body.put("active_streams", kafka == null ? List.of() : kafka.topics());
        body.put("message_count", metrics.processedTotal());
        body.put("error_count", metrics.errorTotal());
        body.put("uptime_seconds", Duration.between(startedAt, Instant.now()).toSeconds());
        body.put("task_types", info.taskTypes().stream().sorted().toList());
        body.put("tasks", taskExecutor.status());
        body.put("message_types", handlers.messageTypes().stream().sorted().toList());
        body.put(
                "event_types",
                handlers.eventTypes().stream().map(Object::toString).sorted().toList());
        body.put("kafka", kafkaStatus());
        MqttRuntime current = mqtt;
        body.put("mqtt", current == null ? Map.of("enabled", false) : current.status());
        return HttpReply.ok(body);
    }

    private Map<String, Object> kafkaStatus() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (kafka == null) {
            return body;
        }
        body.put("bootstrap_servers", config.kafkaBootstrapServers());
        body.put("brokers_reachable", kafka.brokers().reachable());
        body.put("consumer_group", config.consumerGroup());
        body.put("events_topic", config.eventsTopic());
        ConsumerStatus consumer = kafka.consumerStatus();
        body.put(
                "assigned_partitions",
                consumer == null
                        ? List.of()
                        : consumer.assignment().stream().sorted().toList());
        body.put(
                "paused_partitions",
                consumer == null
                        ? List.of()
                        : consumer.paused().stream().sorted().toList());
        return body;
    }

    /** {@code GET /realtime/connections}: live connections and subscribers per topic. */
    public HttpReply connections() {
        return HttpReply.ok(live.connections());
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    public String scrape() {
        return metrics.scrape();
    }

    /** {@code POST <path>} of a task endpoint; the task runs on the task executor, never on the calling thread. */
    public CompletionStage<HttpReply> runTaskAt(String path, String body) {
        return tasks.runAt(path, body);
    }

    /** A request whose body is larger than {@code HTTP_MAX_REQUEST_BYTES}: 413. */
    public HttpReply requestTooLarge() {
        return HttpReply.error(
                413,
                "request_too_large",
                "The request body is larger than the limit of " + config.get(AgentSettings.HTTP_MAX_REQUEST_BYTES)
                        + " bytes (HTTP_MAX_REQUEST_BYTES): send a smaller body or raise the limit");
    }

    /** A request whose method its path does not take. */
    public HttpReply methodNotAllowed(String method, String path) {
        return tasks.methodNotAllowed(method, path);
    }

    /** {@code POST /tasks}: a task request naming its task type; run like {@link #runTaskAt}. */
    public CompletionStage<HttpReply> runTask(String body) {
        return tasks.runNamed(body);
    }
}
