package io.realtimeagents.agent.internal.mesh;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.kafka.KafkaRuntime;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.agent.mesh.AgentDirectory;
import io.realtimeagents.agent.mesh.AgentInstance;
import io.realtimeagents.common.ConfigurationException;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.model.EventType;
import io.realtimeagents.common.model.RealtimeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent registry as one of the agent's transports: it reads the registry topic into its view from the start,
 * announces this instance once its HTTP address is known and renews the announcement every heartbeat, and on a
 * graceful stop (drained first, being the last transport) writes a tombstone before the producer closes. Its
 * readiness says while the view has not caught up, and which {@code AGENT_DEPENDENCIES} are missing.
 *
 * <p>Join and leave events: each instance emits {@code agent_joined} for itself once its first announcement is
 * stored, and {@code agent_left} (reason {@code stopped}) for itself on a graceful stop, through the agent's normal
 * {@code emit}: they reach the live clients of every replica and the event handlers once per consumer group, like any
 * event, and N agents do not each repeat every change. An instance that crashed cannot speak for itself: its
 * {@code agent_left} (reason {@code lease_expired}) is emitted by the live instance whose key sorts first in the
 * views, so one instance emits it while the views agree (during churn it may be none or two).
 */
public final class AgentRegistry implements InboundTransport {
    /** How many heartbeats a lease lasts unless {@code AGENT_REGISTRY_LEASE} says otherwise. */
    public static final int LEASE_HEARTBEATS = 3;
    /** The longest a stop waits for its tombstone and {@code agent_left} to be stored. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistry.class);

    private final AgentConfig config;
    private final KafkaRuntime kafka;
    private final String topic;
    private final Duration heartbeat;
    private final Duration lease;
    private final List<String> dependencies;
    private final ScheduledExecutorService scheduler;
    private final RegistryView view;
    private final RegistryReader reader;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile AgentInstance self;
    private volatile ScheduledFuture<?> beats;
    private volatile String beatProblem;

    private AgentRegistry(AgentConfig config, KafkaRuntime kafka, MeterRegistry meters) {
        this.config = config;
        this.kafka = kafka;
        this.topic = config.get(AgentSettings.AGENT_REGISTRY_TOPIC);
        this.heartbeat = config.get(AgentSettings.AGENT_REGISTRY_HEARTBEAT);
        this.lease = lease(config);
        this.dependencies = config.get(AgentSettings.AGENT_DEPENDENCIES);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("agent-registry-heartbeat").daemon().factory());
        this.view = new RegistryView(System::currentTimeMillis, scheduler, topic);
        Counter invalid = Counter.builder("realtime.registry.records.invalid")
                .description("Agent registry records skipped because they do not decode")
                .tag("topic", topic)
                .register(meters);
        Duration tick = heartbeat.dividedBy(2).compareTo(Duration.ofMillis(100)) < 0
                ? heartbeat.dividedBy(2)
                : Duration.ofMillis(100);
        this.reader = new RegistryReader(config, topic, view, invalid, tick, this::expired);
    }

    /**
     * Creates the registry of an agent; it reads once {@link #start() started} and announces once told its card.
     *
     * @throws ConfigurationException when the lease is not longer than the heartbeat
     */
    public static AgentRegistry create(AgentConfig config, KafkaRuntime kafka, MeterRegistry meters) {
        Duration heartbeat = config.get(AgentSettings.AGENT_REGISTRY_HEARTBEAT);
        if (lease(config).compareTo(heartbeat) <= 0) {
            throw new ConfigurationException("Invalid value " + lease(config).toMillis()
                    + " ms for configuration AGENT_REGISTRY_LEASE: it must be longer than AGENT_REGISTRY_HEARTBEAT ("
                    + heartbeat.toMillis() + " ms), e.g. " + LEASE_HEARTBEATS + " heartbeats");
        }
        return new AgentRegistry(config, kafka, meters);
    }

    /** The lease: {@code AGENT_REGISTRY_LEASE}, else {@value #LEASE_HEARTBEATS} heartbeats. */
    public static Duration lease(AgentConfig config) {
        Duration configured = config.get(AgentSettings.AGENT_REGISTRY_LEASE);
        return configured != null
                ? configured
                : config.get(AgentSettings.AGENT_REGISTRY_HEARTBEAT).multipliedBy(LEASE_HEARTBEATS);
    }

    /** The view of the live instances. */
    public AgentDirectory directory() {
        return view;
    }

    @Override
    public String name() {
        return "registry";
    }

    /** Starts reading the registry topic (creating it when missing). */
    @Override
    public void start() {
        reader.start();
    }

    /**
     * Announces this instance now and every heartbeat; once the first announcement is stored, emits
     * {@code agent_joined}.
     */
    public void announce(AgentInstance card) {
        self = card;
        // Sent and emitted from the heartbeat thread, never the caller's: a send blocks while the topic's metadata
        // is unknown (brokers down), and one from the producer's own callback thread could block it. The first
        // waits for the reader to have made the topic, so the broker does not auto-create it uncompacted.
        long every = heartbeat.toMillis();
        reader.topicReady()
                .thenRunAsync(
                        () -> {
                            if (stopped.get()) {
                                return;
                            }
                            beat().thenComposeAsync(
                                            sent -> kafka.emit(event(EventType.AGENT_JOINED, card, null)), scheduler)
                                    .whenComplete((sent, error) -> {
                                        if (error != null) {
                                            LOG.warn(
                                                    "Could not emit agent_joined for {}: {}",
                                                    card.key(),
                                                    error.toString());
                                        }
                                    });
                            beats = scheduler.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
                        },
                        scheduler);
        LOG.info("Announced {} on {} every {} ms (lease {} ms)", card.key(), topic, every, lease.toMillis());
    }

    private CompletionStage<SentRecord> beat() {
        AgentInstance card = self;
        return kafka.send(topic, card.key(), AgentCardCodec.encode(card), Map.of())
                .whenComplete((sent, error) ->
                        beatProblem = error == null ? null : "heartbeats to " + topic + " fail: " + error.getMessage());
    }

    /**
     * Waits for the services of {@code AGENT_DEPENDENCIES}, at most {@code AGENT_DEPENDENCIES_TIMEOUT}.
     *
     * @throws io.realtimeagents.agent.mesh.MissingDependenciesException naming those still missing
     */
    public void awaitDependencies() {
        if (!dependencies.isEmpty()) {
            view.awaitBlocking(config.get(AgentSettings.AGENT_DEPENDENCIES_TIMEOUT), dependencies);
        }
    }

    private void expired(List<AgentInstance> instances) {
        AgentInstance me = self;
        for (AgentInstance gone : instances) {
            LOG.info(
                    "Agent instance {} left: its lease of {} ms passed",
                    gone.key(),
                    gone.lease().toMillis());
            if (me != null && view.isFirst(me.key())) {
                kafka.emit(event(EventType.AGENT_LEFT, gone, "lease_expired"));
            }
        }
    }

    private RealtimeEvent event(EventType type, AgentInstance instance, String reason) {
        return AgentCardCodec.event(type, instance, reason, config.serviceName());
    }

    /**
     * Stops the heartbeats and, when announced, emits {@code agent_left} and writes the tombstone, waiting at most
     * {@link #STOP_WAIT} for both; then stops reading.
     */
    @Override
    public void drainAndStop(Duration timeout) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> current = beats;
        if (current != null) {
            current.cancel(false);
        }
        AgentInstance me = self;
        try {
            if (me != null) {
                // On the heartbeat thread, so that sends blocked by unknown metadata cannot outlast the wait.
                CompletableFuture.supplyAsync(
                                () -> CompletableFuture.allOf(
                                        kafka.emit(event(EventType.AGENT_LEFT, me, "stopped"))
                                                .toCompletableFuture(),
                                        kafka.send(topic, me.key(), null, Map.of())
                                                .toCompletableFuture()),
                                scheduler)
                        .thenCompose(sends -> sends)
                        .get(Math.min(timeout.toMillis(), STOP_WAIT.toMillis()), TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not remove {} from the agent registry ({}): others drop it after its lease", me.key(), e);
        } finally {
            scheduler.shutdownNow();
            reader.close();
        }
    }

    @Override
    public Set<Setting<?>> reconnectSettings() {
        return Set.of();
    }

    /** Nothing: the registry keeps the clients it started with (the producer is the Kafka runtime's). */
    @Override
    public void applySettings(AgentConfig previous, AgentConfig next) {}

    /** Always up: the reader restarts by itself; its faults show in readiness. */
    @Override
    public TransportHealth health() {
        return TransportHealth.UP;
    }

    @Override
    public List<String> readinessProblems() {
        List<String> problems = new ArrayList<>();
        String reading = reader.problem();
        if (reading != null) {
            problems.add(reading);
        } else if (!reader.caughtUp()) {
            problems.add("the agent registry view has not read " + topic + " up to its end yet");
        }
        String beating = beatProblem;
        if (beating != null) {
            problems.add(beating);
        }
        List<String> missing = view.missing(dependencies);
        if (!missing.isEmpty()) {
            problems.add("waiting for AGENT_DEPENDENCIES: no live instance of " + String.join(", ", missing)
                    + " in the agent registry");
        }
        return problems;
    }

    @Override
    public Map<String, Object> healthFragment() {
        return null;
    }

    @Override
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        AgentInstance me = self;
        status.put("topic", topic);
        status.put("instance", me == null ? null : me.key());
        status.put("caught_up", reader.caughtUp());
        status.put("live_instances", view.instances().size());
        status.put("heartbeat_ms", heartbeat.toMillis());
        status.put("lease_ms", lease.toMillis());
        status.put("missing_dependencies", view.missing(dependencies));
        return status;
    }

    /** The live instances as {@code GET /realtime/agents} lists them. */
    public List<Object> cards() {
        return view.instances().stream().<Object>map(AgentCardCodec::card).toList();
    }

    @Override
    public void close() {
        drainAndStop(config.shutdownTimeout());
    }
}
