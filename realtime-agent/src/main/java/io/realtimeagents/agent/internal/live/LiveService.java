package io.realtimeagents.agent.internal.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelPipeline;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.kafka.KafkaFollower;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.live.auth.LiveAccess;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.live.LiveTopics;
import io.realtimeagents.common.live.WebSocketEndpoint;
import io.realtimeagents.common.task.TaskRequest;
import io.realtimeagents.common.task.TaskResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live delivery of one agent: WebSocket and SSE endpoints, fed from Kafka (or, without Kafka, from this agent's own
 * broadcasts). Created with the agent; {@link #install} puts its router into each HTTP connection's pipeline;
 * {@link #start} starts reading; {@link #close} closes every client (WebSocket 1001) and stops.
 */
public final class LiveService implements AutoCloseable, KafkaFollower {
    private static final Logger LOG = LoggerFactory.getLogger(LiveService.class);

    private final AgentConfig config;
    private final LiveSettings settings;
    private final LiveAccess access;
    private final LiveHub hub;
    private final LiveStream stream;
    private final KafkaRuntime kafka;
    private final String liveTopic;
    private final LiveRouter router = new LiveRouter(this);
    private final WsAcceptor webSockets;
    private final SseAcceptor sse = new SseAcceptor(this);
    private final boolean webSocketEnabled;
    private final LiveFeedHealth feedHealth = new LiveFeedHealth();
    private volatile KafkaLiveFeed feed;

    private LiveService(
            AgentConfig config,
            List<WebSocketEndpoint> endpoints,
            MeterRegistry registry,
            KafkaRuntime kafka,
            Function<TaskRequest, TaskResult> processor,
            Executor tasks,
            RemoteTasks remote) {
        this.config = config;
        this.settings = LiveSettings.from(config, endpoints);
        this.access = LiveAccess.from(config);
        this.hub = new LiveHub(settings, registry);
        this.stream = new LiveStream(hub, settings);
        this.kafka = kafka;
        this.liveTopic = config.get(AgentSettings.KAFKA_LIVE_TOPIC);
        this.webSocketEnabled = config.get(AgentSettings.WEBSOCKET_ENABLED);
        this.webSockets = new WsAcceptor(
                this, new WsProtocol(settings.maxSubscriptions(), processor, tasks, config.serviceName(), remote));
    }

    /**
     * Creates the live delivery of an agent.
     *
     * @param kafka the agent's Kafka side, or null when Kafka is disabled (broadcasts then reach this replica only)
     * @param tasks the agent's bounded task executor, which runs WebSocket {@code agent_request}s
     * @param remote runs the {@code agent_request}s naming another service, or null when Kafka is disabled
     */
    public static LiveService create(
            AgentConfig config,
            List<WebSocketEndpoint> endpoints,
            MeterRegistry registry,
            KafkaRuntime kafka,
            Function<TaskRequest, TaskResult> processor,
            Executor tasks,
            RemoteTasks remote) {
        return new LiveService(config, endpoints, registry, kafka, processor, tasks, remote);
    }

    /** Starts reading the events and live topics (or opens the local stream without Kafka). */
    public synchronized void start() {
        LOG.info(
                "Live delivery: WebSocket {} at {}, SSE at {} and {}{topic}; access {}",
                webSocketEnabled ? "on" : "off",
                settings.endpoints().values(),
                LiveRouter.STREAM_EVENTS,
                LiveRouter.STREAM_TOPIC,
                access.describe());
        access.prefetchKeys();
        if (kafka == null) {
            stream.startAt(StreamLayout.of(List.of("local"), List.of(new TopicPartition("local", 0))), new long[1]);
            return;
        }
        hub.metrics().feed(feedHealth);
        feed = new KafkaLiveFeed(config, stream, hub.metrics(), feedHealth, liveTopic);
        feed.start();
    }

    /**
     * Reads Kafka with new connection settings (rotated credentials): a new feed continues exactly where the old one
     * stopped, so clients see neither gaps nor repeats.
     */
    @Override
    public synchronized void reconnect(AgentConfig next) {
        if (feed == null) {
            return;
        }
        feed.close();
        feed = new KafkaLiveFeed(next, stream, hub.metrics(), feedHealth, liveTopic);
        feed.start();
    }

    /** Adds the live router to a new HTTP/1.1 connection's pipeline, right after the HTTP codec. */
    public void install(ChannelPipeline pipeline, String codecName) {
        if (pipeline.get(codecName) != null && pipeline.get(LiveRouter.NAME) == null) {
            pipeline.addAfter(codecName, LiveRouter.NAME, router);
        }
    }

    /**
     * Publishes a message to the live topic's subscribers on every replica (through the live Kafka topic, keyed by the
     * topic so its messages stay in order), or on this replica only without Kafka. This replica's clients get it as
     * soon as Kafka acknowledged it, before the returned stage completes, unless messages of other replicas come before
     * it in its partition (they are delivered first, as the feed reads them).
     */
    public CompletionStage<SentRecord> broadcast(String topic, Object message) {
        LiveTopics.check(topic);
        byte[] value = Json.encode(message);
        if (kafka != null) {
            return kafka.broadcast(liveTopic, topic, value, Map.of(KafkaLiveFeed.LIVE_TOPIC_HEADER, topic))
                    .thenApply(sent -> {
                        deliverOwn(sent, topic, value);
                        return sent;
                    });
        }
        stream.acceptLocal(topic, value);
        return CompletableFuture.completedFuture(new SentRecord("local", 0, -1, Instant.now()));
    }

    /** Hands an acknowledged broadcast of this replica to its clients, on the producer's thread (a short task). */
    private void deliverOwn(SentRecord sent, String topic, byte[] value) {
        int partition = stream.indexOf(sent.topic(), sent.partition());
        if (partition < 0 || sent.timestamp().toEpochMilli() < 0) {
            return;
        }
        try {
            LiveStream.Outcome outcome =
                    stream.acceptOwn(partition, sent.offset(), sent.timestamp().toEpochMilli(), topic, value);
            if (outcome == LiveStream.Outcome.DELIVERED) {
                hub.metrics().fed("broadcast");
            }
        } catch (RuntimeException e) {
            LOG.error("Could not deliver broadcast {} to the clients of this replica", sent, e);
        }
    }

    /**
     * What keeps live delivery from working, for readiness: the live feed while it is down after a failure (it
     * restarts by itself); empty without Kafka.
     */
    @Override
    public List<String> problems() {
        return feed == null ? List.of() : feedHealth.problems();
    }

    /**
     * The {@code live_feed} object of {@code /health} while the live feed is down after a failure ({@code up},
     * {@code restarts}, {@code down_since}, {@code problem}), or null (it reads, it is starting, or there is no Kafka).
     */
    public Map<String, Object> feedHealth() {
        return problems().isEmpty() ? null : feedHealth.health();
    }

    /** Open live connections. */
    public int totalConnections() {
        return hub.totalConnections();
    }

    /** {@code GET /realtime/connections}. */
    public Map<String, Object> connections() {
        Map<String, Integer> topics = hub.topicCounts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_connections", hub.totalConnections());
        body.put("total_topics", topics.size());
        body.put("topics", topics);
        body.put("websocket_connections", hub.connections(Transport.WEBSOCKET));
        body.put("sse_connections", hub.connections(Transport.SSE));
        return body;
    }

    /** Closes every live connection: WebSocket clients get 1001, SSE streams end (their clients reconnect). */
    public void closeConnections() {
        hub.closeAll(CloseReason.SHUTDOWN, "the agent is shutting down", 2000);
    }

    @Override
    public synchronized void close() {
        closeConnections();
        if (feed != null) {
            feed.close();
        }
        stream.close();
        access.close();
    }

    /** The value of {@code Access-Control-Allow-Origin} for a request's origin, or null for none. */
    String corsOrigin(String origin) {
        List<String> allowed = config.get(AgentSettings.LIVE_ALLOWED_ORIGINS);
        if (allowed.isEmpty()) {
            return "*";
        }
        return origin != null && allowed.stream().anyMatch(origin::equalsIgnoreCase) ? origin : null;
    }

    LiveSettings settings() {
        return settings;
    }

    /** Who may connect, and what each client may do. */
    public LiveAccess access() {
        return access;
    }

    LiveHub hub() {
        return hub;
    }

    LiveStream stream() {
        return stream;
    }

    boolean webSocketEnabled() {
        return webSocketEnabled;
    }

    WsAcceptor webSockets() {
        return webSockets;
    }

    SseAcceptor sse() {
        return sse;
    }
}
