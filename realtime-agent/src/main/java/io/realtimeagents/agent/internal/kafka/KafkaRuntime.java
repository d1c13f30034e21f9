package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher;
import io.realtimeagents.agent.internal.delivery.DispatcherParts;
import io.realtimeagents.agent.internal.delivery.FailStop;
import io.realtimeagents.agent.internal.delivery.FailStopException;
import io.realtimeagents.agent.internal.delivery.FailureStrategy;
import io.realtimeagents.agent.internal.delivery.HookRunner;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.agent.internal.transport.InboundTransport;
import io.realtimeagents.agent.internal.transport.TransportHealth;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.config.Setting;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import io.realtimeagents.common.model.RealtimeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's Kafka side: the producer, the consumer loop of its topics (and of the events topic when it has event
 * handlers), and the broker reachability check.
 */
public final class KafkaRuntime implements InboundTransport {
    /** Header carrying an emitted event's type. */
    public static final String EVENT_TYPE_HEADER = "event_type";
    /** The {@code kafka} object of {@code /realtime/status} when Kafka is disabled. */
    public static final Map<String, Object> OFF_STATUS = Map.of();
    /**
     * The settings applied by reconnecting; so are the {@code KAFKA_CONSUMER_*} and {@code KAFKA_PRODUCER_*}
     * pass-through properties.
     */
    public static final Set<Setting<?>> RECONNECT_SETTINGS = Set.of(AgentSettings.KAFKA_BOOTSTRAP_SERVERS);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);

    private volatile AgentConfig config;
    /** The latest configuration, for health and status: the one applied, or a newer one needing a restart. */
    private volatile AgentConfig reported;

    private final AgentMetrics metrics;
    private final HandlerRegistry handlers;
    private final HookRunner hooks;
    private final List<KafkaFollower> followers = new CopyOnWriteArrayList<>();
    private final KafkaSender sender;
    private final KafkaSender liveSender;
    private volatile BrokerHealth brokers;
    private final KafkaConsumers consumers;
    /** Set by the fail-stop strategy of the Kafka and MQTT dispatchers: the consumer then stops for good. */
    private final FailStop failStop = new FailStop();

    private KafkaRuntime(AgentConfig config, AgentMetrics metrics, HandlerRegistry handlers, HookRunner hooks) {
        this.config = config;
        this.reported = config;
        this.metrics = metrics;
        this.handlers = handlers;
        this.hooks = hooks;
        this.sender = new KafkaSender(KafkaProperties.producer(config), metrics);
        this.liveSender = new KafkaSender(KafkaProperties.liveProducer(config), metrics);
        this.brokers = new BrokerHealth(config);
        this.consumers = new KafkaConsumers(config, handlers, this::consumerLoop);
    }

    /**
     * Creates the producer and the broker check; consuming starts with {@link #start()}, with the handlers registered
     * in {@code handlers} and the hooks added to {@code hooks} by then.
     *
     * @throws io.realtimeagents.common.ConfigurationException when a Kafka pass-through property is invalid
     */
    public static KafkaRuntime create(
            AgentConfig config, AgentMetrics metrics, HandlerRegistry handlers, HookRunner hooks) {
        KafkaProperties.validate(config);
        KafkaClientLogging.applyDefaults();
        return new KafkaRuntime(config, metrics, handlers, hooks);
    }

    /** Makes a part with Kafka clients of its own reconnect with this runtime and count in its readiness. */
    public void follow(KafkaFollower follower) {
        followers.add(follower);
    }

    @Override
    public String name() {
        return "kafka";
    }

    /**
     * Starts consuming the streaming topics, and the events topic when there are event handlers; does nothing when
     * there is nothing to consume.
     */
    @Override
    public void start() {
        consumers.start();
    }

    @Override
    public Set<Setting<?>> reconnectSettings() {
        return RECONNECT_SETTINGS;
    }

    /**
     * Reconnects the producers, the consumer and the followers (the live feed) when the bootstrap servers or a
     * {@code KAFKA_CONSUMER_*}/{@code KAFKA_PRODUCER_*} property changed; see {@link #reconnect}.
     */
    @Override
    public void applySettings(AgentConfig previous, AgentConfig next) {
        reported = next;
        boolean changed = !previous.kafkaConsumerProperties().equals(next.kafkaConsumerProperties())
                || !previous.kafkaProducerProperties().equals(next.kafkaProducerProperties())
                || !Objects.equals(
                        previous.get(AgentSettings.KAFKA_BOOTSTRAP_SERVERS),
                        next.get(AgentSettings.KAFKA_BOOTSTRAP_SERVERS));
        if (changed) {
            LOG.info("Kafka connection settings changed: reconnecting the producer, the consumer and the live feed");
            reconnect(next);
            followers.forEach(follower -> follower.reconnect(next));
        }
    }

    /**
     * Reconnects with new connection settings (rotated SASL credentials, trust stores, bootstrap servers): a new
     * producer takes over sends while the old one sends what it holds; the consumer finishes and commits its
     * in-flight records, then a new one resumes from the committed offsets; the broker check reconnects too. Nothing
     * is lost; records in flight during the switch may be handled twice.
     */
    public synchronized void reconnect(AgentConfig next) {
        KafkaProperties.validate(next);
        config = next;
        sender.replace(KafkaProperties.producer(next), next.shutdownTimeout());
        liveSender.replace(KafkaProperties.liveProducer(next), next.shutdownTimeout());
        BrokerHealth previous = brokers;
        brokers = new BrokerHealth(next);
        previous.close();
        consumers.reconnect(next);
    }

    /**
     * Stops consuming: in-flight records finish and are committed, bounded by the consumer loop's {@code
     * SHUTDOWN_TIMEOUT} (the timeout the runtime passes).
     */
    @Override
    public void drainAndStop(Duration timeout) {
        consumers.stop();
    }

    private KafkaConsumerLoop consumerLoop(
            AgentConfig config, List<String> topics, KafkaConsumerLoop.FailureListener onFailure) {
        HandlerRegistry registry = handlers;
        MessageDecoder decoder = new MessageDecoder(registry, topic -> {
            String configured = config.messageTypeOf(topic);
            return configured != null ? configured : registry.kafkaTopicType(topic);
        });
        MessageDispatcher dispatcher =
                new MessageDispatcher(dispatcherParts(config, registry, decoder, config::deadLetterTopicFor));
        RecordProcessor processor = new RecordProcessor(registry, dispatcher, config.eventsTopic(), metrics);
        ConsumerLoopSettings settings = new ConsumerLoopSettings(
                config.get(AgentSettings.KAFKA_PARTITION_BUFFER_BYTES),
                config.get(AgentSettings.KAFKA_COMMIT_INTERVAL),
                config.shutdownTimeout(),
                () -> {
                    sender.flush();
                    liveSender.flush();
                },
                config.get(AgentSettings.KAFKA_ORDERING),
                config.get(AgentSettings.KAFKA_MAX_IN_FLIGHT));
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(KafkaProperties.consumer(config, config.consumerGroup()));
        return new KafkaConsumerLoop(consumer, topics, processor, metrics, settings, failStop, onFailure);
    }

    /** What a dispatcher of this agent's messages needs: handlers, retries and the dead-letter topic. */
    public DispatcherParts dispatcherParts(
            AgentConfig config,
            HandlerRegistry registry,
            MessageDecoder decoder,
            UnaryOperator<String> deadLetterTopics) {
        DeadLetterPublisher deadLetters =
                new DeadLetterPublisher(sender, deadLetterTopics, config.serviceName(), metrics);
        return new DispatcherParts(
                registry,
                decoder,
                config.retryPolicy(),
                config.get(AgentSettings.HANDLER_UNHANDLED),
                deadLetters,
                FailureStrategy.of(config.get(AgentSettings.HANDLER_FAILURE_STRATEGY), deadLetters, metrics, failStop),
                metrics,
                hooks);
    }

    /** The agent's producer, shared by sends, events, dead letters and MQTT bridges. */
    public KafkaSender sender() {
        return sender;
    }

    /** Produces a record; the stage completes once the brokers acknowledged it. */
    public CompletionStage<SentRecord> send(String topic, String key, byte[] value, Map<String, String> headers) {
        return sender.send(OutputRecords.record(topic, key, value, headers));
    }

    /**
     * Produces a live broadcast with the producer of broadcasts, which sends at once and is not shared with the
     * agent's other output; the stage completes once the brokers acknowledged it.
     */
    public CompletionStage<SentRecord> broadcast(
            String liveTopic, String key, byte[] value, Map<String, String> headers) {
        return liveSender.send(OutputRecords.record(liveTopic, key, value, headers));
    }

    /**
     * Publishes an event to the events topic. Emitted while a keyed record is handled, it is keyed by that record's
     * key, so the events about one key (a patient, a device) keep their order; otherwise by its correlation id, else
     * its id.
     */
    public CompletionStage<SentRecord> emit(RealtimeEvent event) {
        return sender.send(OutputRecords.event(config.eventsTopic(), event));
    }

    @Override
    public TransportHealth health() {
        FailStopException stopped = failStop.failure();
        if (stopped != null) {
            // Shared by the Kafka and MQTT dispatchers: unhealthy whichever transport's message failed.
            return TransportHealth.down("the agent stopped consuming: " + stopped);
        }
        return KafkaHealth.health(consumers.status());
    }

    @Override
    public List<String> readinessProblems() {
        List<String> problems = KafkaHealth.readinessProblems(reported, brokers, consumers.status());
        followers.forEach(follower -> problems.addAll(follower.problems()));
        return problems;
    }

    /** None: Kafka's state is in the top-level fields of {@code /health}. */
    @Override
    public Map<String, Object> healthFragment() {
        return null;
    }

    @Override
    public Map<String, Object> status() {
        return KafkaHealth.status(reported, brokers, consumers.status());
    }

    @Override
    public List<String> activeStreams() {
        return consumers.topics();
    }

    /** Stops consuming (in-flight records finish and are committed), then flushes and closes the producers. */
    @Override
    public void close() {
        try {
            consumers.stop();
        } finally {
            try {
                sender.close(config.shutdownTimeout());
            } finally {
                try {
                    liveSender.close(config.shutdownTimeout());
                } finally {
                    brokers.close();
                }
            }
        }
    }
}
