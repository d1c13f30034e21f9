package io.realtimeagents.testkit;

import io.realtimeagents.agent.RealtimeAgent;
import io.realtimeagents.agent.RealtimeAgents;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.testkit.internal.Checks;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A real agent started for a test, on a free HTTP port, with the clients to test it: HTTP, Kafka, WebSocket and SSE.
 *
 * <pre>{@code
 * try (TestAgent<MyAgent> agent = TestAgent.start(MyAgent::new, broker, config -> config.streamingTopics(topic))) {
 *     agent.kafka().produce(topic, "p1", "{\"bpm\": 72}");
 *     assertThat(agent.http().get("/health").status()).isEqualTo(200);
 * }
 * }</pre>
 *
 * <p>The configuration has test defaults that the {@code config} function may change: a unique service name (hence
 * consumer group), HTTP port 0 (a free port), events and live topics of the service's own ({@code <service>.events},
 * {@code <service>.live}, created with one partition) so tests do not see each other's events, {@value #RETRIES} fast
 * retries ({@link #RETRY_BACKOFF} to {@link #RETRY_BACKOFF_MAX}), commits every {@link #COMMIT_INTERVAL} and a
 * {@link #SHUTDOWN_TIMEOUT} shutdown, and the agent registry off (its {@code agent_joined} events would count among
 * the events a test reads; a test of discovery sets {@code AGENT_REGISTRY_ENABLED} true). The topics follow the service name the function sets unless it sets them too,
 * so replicas started with one service name share them. {@link #close()} stops the agent gracefully and closes the
 * clients it opened.
 *
 * @param <A> the agent's class
 */
public final class TestAgent<A extends RealtimeAgent> implements AutoCloseable {
    /** How often a failed handler is retried. */
    public static final int RETRIES = 2;
    /** First wait between retries: short, so tests stay fast. */
    public static final Duration RETRY_BACKOFF = Duration.ofMillis(20);
    /** Longest wait between retries. */
    public static final Duration RETRY_BACKOFF_MAX = Duration.ofMillis(50);
    /** How often the agent commits offsets. */
    public static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);
    /** How long a graceful stop may take. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final A agent;
    private final RunningAgent running;
    private final KafkaBroker broker;
    private final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();
    private volatile KafkaTestClient kafka;

    private TestAgent(A agent, RunningAgent running, KafkaBroker broker) {
        this.agent = agent;
        this.running = running;
        this.broker = broker;
    }

    /** Starts the agent that {@code factory} makes with the test defaults, and returns once it consumes and serves. */
    public static <A extends RealtimeAgent> TestAgent<A> start(Supplier<A> factory, KafkaBroker broker) {
        return start(factory, broker, UnaryOperator.identity());
    }

    /**
     * Starts the agent that {@code factory} makes with the test defaults as {@code config} changes them, e.g.
     * {@code config -> config.streamingTopics(topic)}, and returns once it consumes and serves.
     */
    public static <A extends RealtimeAgent> TestAgent<A> start(
            Supplier<A> factory, KafkaBroker broker, UnaryOperator<AgentConfig.Builder> config) {
        Checks.notNull(factory, "factory");
        Checks.notNull(broker, "broker");
        Checks.notNull(config, "config");
        A agent = Checks.notNull(factory.get(), "the agent the factory made");
        AgentConfig.Builder defaults = AgentConfig.builder()
                .serviceName(uniqueName(RealtimeAgents.defaultServiceName(agent.getClass())))
                .kafkaBootstrapServers(broker.bootstrapServers())
                .httpPort(0)
                .retries(RETRIES, RETRY_BACKOFF, RETRY_BACKOFF_MAX)
                .set(AgentSettings.KAFKA_COMMIT_INTERVAL, COMMIT_INTERVAL)
                .set(AgentSettings.SHUTDOWN_TIMEOUT, SHUTDOWN_TIMEOUT)
                .set(AgentSettings.AGENT_REGISTRY_ENABLED, false);
        AgentConfig.Builder builder =
                Checks.notNull(config.apply(defaults), "the builder the config function returned");
        String service = builder.value(AgentSettings.SERVICE_NAME);
        ownTopic(builder, broker, AgentSettings.KAFKA_EVENTS_TOPIC, service + ".events");
        ownTopic(builder, broker, AgentSettings.KAFKA_LIVE_TOPIC, service + ".live");
        RunningAgent running =
                RealtimeAgents.app(() -> agent).config(builder.build()).start();
        return new TestAgent<>(agent, running, broker);
    }

    /** A name no other test uses, {@code prefix-<counter>-<random>}: for service names, client ids and groups. */
    public static String uniqueName(String prefix) {
        Checks.notBlank(prefix, "prefix");
        return prefix + "-" + NAMES.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void ownTopic(AgentConfig.Builder builder, KafkaBroker broker, Setting<String> topic, String name) {
        if (!builder.isSet(topic)) {
            broker.createTopic(name, 1);
            builder.set(topic, name);
        }
    }

    /** The agent instance. */
    public A agent() {
        return agent;
    }

    /** The started agent, as {@link RealtimeAgents.App#start()} returned it. */
    public RunningAgent running() {
        return running;
    }

    /** The configuration the agent runs with. */
    public AgentConfig config() {
        return running.config();
    }

    /** The HTTP port the agent listens on. */
    public int port() {
        return running.port();
    }

    /** The HTTP base address, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url("");
    }

    /** The address of {@code path} on the agent, e.g. {@code url("/health")}. */
    public URI url(String path) {
        Checks.notNull(path, "path");
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** An HTTP client of the agent. */
    public HttpTestClient http() {
        return HttpTestClient.of(url());
    }

    /** A Kafka client of the agent's broker, made on first use and closed with the agent. */
    public synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = opened(KafkaTestClient.create(broker));
        }
        return kafka;
    }

    /** A WebSocket client connected to {@code path} (e.g. {@code /ws}), extra headers as name, value pairs. */
    public WsTestClient ws(String path, String... headers) {
        Checks.notNull(path, "path");
        return opened(WsTestClient.connect(URI.create("ws://127.0.0.1:" + port() + path), headers));
    }

    /** An SSE stream of {@code path} (e.g. {@code /stream/events}), extra headers as name, value pairs. */
    public SseTestClient sse(String path, String... headers) throws IOException, InterruptedException {
        return opened(SseTestClient.open(url(path), headers));
    }

    /** The partitions the agent's Kafka consumer holds, as {@code topic-partition}, from {@code /realtime/status}. */
    public List<String> assignedPartitions() {
        List<String> partitions = new ArrayList<>();
        http().get("/realtime/status")
                .json()
                .path("kafka")
                .path("assigned_partitions")
                .forEach(partition -> partitions.add(partition.asText()));
        return partitions;
    }

    private <C extends AutoCloseable> C opened(C client) {
        clients.add(client);
        return client;
    }

    /**
     * Stops the agent gracefully, then closes the clients it opened, each even when another fails; later calls do
     * nothing more.
     */
    @Override
    public void close() {
        IllegalStateException failure = null;
        try {
            running.close();
        } finally {
            for (AutoCloseable client : clients) {
                try {
                    client.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = new IllegalStateException(
                                "A test client of " + config().serviceName() + " failed to close: " + e.getMessage(),
                                e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            clients.clear();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
