package io.realtimeagents.agent.internal.kafka;

import io.realtimeagents.agent.SentRecord;
import io.realtimeagents.agent.internal.delivery.Backoff;
import io.realtimeagents.agent.internal.delivery.DeadLetterPublisher;
import io.realtimeagents.agent.internal.delivery.FailStop;
import io.realtimeagents.agent.internal.delivery.FailStopException;
import io.realtimeagents.agent.internal.delivery.FailureStrategy;
import io.realtimeagents.agent.internal.delivery.MessageDispatcher;
import io.realtimeagents.agent.internal.delivery.StopSignal;
import io.realtimeagents.agent.internal.metrics.AgentMetrics;
import io.realtimeagents.common.config.AgentConfig;
import io.realtimeagents.common.config.AgentSettings;
import io.realtimeagents.common.internal.handler.HandlerRegistry;
import io.realtimeagents.common.internal.handler.MessageDecoder;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.RealtimeEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An agent's Kafka side: the producer, the consumer loop of its topics (and of the events topic when it has event
 * handlers), and the broker reachability check.
 */
public final class KafkaRuntime implements AutoCloseable {
    /** Header carrying an emitted event's type. */
    public static final String EVENT_TYPE_HEADER = "event_type";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRuntime.class);
    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);
    private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(60);
    /** While the consumer keeps failing, a warning at most this often. */
    private static final Duration FAILURE_REMINDER = Duration.ofSeconds(30);

    private volatile AgentConfig config;
    private final AgentMetrics metrics;
    private final KafkaSender sender;
    private final KafkaSender liveSender;
    private volatile BrokerHealth brokers;
    private volatile List<String> topics = List.of();
    private volatile KafkaConsumerLoop consumerLoop;
    private HandlerRegistry registry; // guarded by this
    private Duration restartDelay = FIRST_RESTART_DELAY; // guarded by this
    private int failedInARow; // guarded by this
    private long lastFailureLogNanos; // guarded by this
    private final StopSignal restarts = new StopSignal();
    /** Set by the fail-stop strategy of the Kafka and MQTT dispatchers: the consumer then stops for good. */
    private final FailStop failStop = new FailStop();

    private KafkaRuntime(AgentConfig config, AgentMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.sender = new KafkaSender(KafkaProperties.producer(config), metrics);
        this.liveSender = new KafkaSender(KafkaProperties.liveProducer(config), metrics);
        this.brokers = new BrokerHealth(config);
    }

    /**
     * Creates the producer and the broker check; consuming starts with {@link #startConsuming}.
     *
     * @throws io.realtimeagents.common.ConfigurationException when a Kafka pass-through property is invalid
     */
    public static KafkaRuntime create(AgentConfig config, AgentMetrics metrics) {
        KafkaProperties.validate(config);
        KafkaClientLogging.applyDefaults();
        return new KafkaRuntime(config, metrics);
    }

    /**
     * Starts consuming the streaming topics, and the events topic when there are event handlers; does nothing when
     * there is nothing to consume.
     */
    public synchronized void startConsuming(HandlerRegistry registry) {
        if (consumerLoop != null) {
            throw new IllegalStateException("Already consuming " + topics);
        }
        this.registry = registry;
        topics = consumedTopics(config, registry);
        if (!topics.isEmpty()) {
            consumerLoop = consumerLoop(config, registry, metrics);
            consumerLoop.start();
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
        KafkaConsumerLoop running = consumerLoop;
        if (running != null) {
            running.close();
            consumerLoop = consumerLoop(next, registry, metrics);
            consumerLoop.start();
        }
    }

    /**
     * A consumer loop stopped on an error (the brokers refused its group or its credentials, a plug-in failed): a new
     * one resumes from the committed offsets after a backoff that doubles up to {@link #MAX_RESTART_DELAY}, and starts
     * over once a loop ran for that long. Readiness says why meanwhile; liveness fails only when the JVM itself is out
     * of resources.
     */
    private void consumerFailed(KafkaConsumerLoop failed, Throwable error) {
        if (error instanceof VirtualMachineError || error instanceof FailStopException) {
            return; // for good: the probes report it, a restart of the agent delivers the failed record again
        }
        Duration delay;
        synchronized (this) {
            if (restarts.isStopped() || consumerLoop != failed) {
                return;
            }
            boolean first = failed.age().compareTo(MAX_RESTART_DELAY) >= 0 || failedInARow == 0;
            if (first) {
                restartDelay = FIRST_RESTART_DELAY;
                failedInARow = 0;
            }
            failedInARow++;
            delay = restartDelay;
            restartDelay = Backoff.doubled(restartDelay, MAX_RESTART_DELAY);
            long now = System.nanoTime();
            if (first) {
                lastFailureLogNanos = now;
                LOG.error(
                        "The Kafka consumer of topics {} stopped; restarting it in {} ms",
                        topics,
                        delay.toMillis(),
                        error);
            } else if (now - lastFailureLogNanos >= FAILURE_REMINDER.toNanos()) {
                lastFailureLogNanos = now;
                LOG.warn(
                        "The Kafka consumer of topics {} keeps failing ({} times in a row, last: {}); restarting it"
                                + " in {} ms",
                        topics,
                        failedInARow,
                        error.toString(),
                        delay.toMillis());
            } else {
                LOG.debug("The Kafka consumer failed again ({}); restarting it in {} ms", error, delay.toMillis());
            }
        }
        failed.status().restarting(delay);
        Thread.ofVirtual().name("realtime-kafka-restart").start(() -> {
            if (!restarts.awaitStop(delay)) {
                restartConsumer(failed);
            }
        });
    }

    private synchronized void restartConsumer(KafkaConsumerLoop failed) {
        if (!restarts.isStopped() && consumerLoop == failed) {
            consumerLoop = consumerLoop(config, registry, metrics);
            consumerLoop.start();
        }
    }

    /** Stops consuming: in-flight records finish (bounded by the shutdown timeout) and are committed. */
    public synchronized void stopConsuming() {
        restarts.stop();
        if (consumerLoop != null) {
            consumerLoop.close();
        }
    }

    private KafkaConsumerLoop consumerLoop(AgentConfig config, HandlerRegistry registry, AgentMetrics metrics) {
        MessageDecoder decoder = new MessageDecoder(registry, config::messageTypeOf);
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
        return new KafkaConsumerLoop(consumer, topics, processor, metrics, settings, failStop, this::consumerFailed);
    }

    /** What a dispatcher of this agent's messages needs: handlers, retries and the dead-letter topic. */
    public MessageDispatcher.Collaborators dispatcherParts(
            AgentConfig config,
            HandlerRegistry registry,
            MessageDecoder decoder,
            UnaryOperator<String> deadLetterTopics) {
        DeadLetterPublisher deadLetters =
                new DeadLetterPublisher(sender, deadLetterTopics, config.serviceName(), metrics);
        return new MessageDispatcher.Collaborators(
                registry,
                decoder,
                config.retryPolicy(),
                config.get(AgentSettings.HANDLER_UNHANDLED),
                deadLetters,
                FailureStrategy.of(config.get(AgentSettings.HANDLER_FAILURE_STRATEGY), deadLetters, metrics, failStop),
                metrics);
    }

    /** The agent's producer, shared by sends, events, dead letters and MQTT bridges. */
    public KafkaSender sender() {
        return sender;
    }

    private static List<String> consumedTopics(AgentConfig config, HandlerRegistry registry) {
        List<String> topics = new ArrayList<>(config.streamingTopics());
        if (registry.hasEventHandlers() && !topics.contains(config.eventsTopic())) {
            topics.add(config.eventsTopic());
        }
        return List.copyOf(topics);
    }

    /** Produces a record; the stage completes once the brokers acknowledged it. */
    public CompletionStage<SentRecord> send(String topic, String key, byte[] value, Map<String, String> headers) {
        return sender.send(record(topic, key, value, headers));
    }

    /**
     * Produces a live broadcast with the producer of broadcasts, which sends at once and is not shared with the
     * agent's other output; the stage completes once the brokers acknowledged it.
     */
    public CompletionStage<SentRecord> broadcast(
            String liveTopic, String key, byte[] value, Map<String, String> headers) {
        return liveSender.send(record(liveTopic, key, value, headers));
    }

    private static ProducerRecord<byte[], byte[]> record(
            String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Publishes an event to the events topic, keyed by its correlation id (else its id). */
    public CompletionStage<SentRecord> emit(RealtimeEvent event) {
        String key = event.correlationId() != null ? event.correlationId() : event.eventId();
        return send(
                config.eventsTopic(),
                key,
                Json.encode(event),
                Map.of(EVENT_TYPE_HEADER, event.eventType().value()));
    }

    /** The topics consumed: the streaming topics, plus the events topic when there are event handlers. */
    public List<String> topics() {
        return topics;
    }

    /** The consumer loop's state, or null when the agent consumes nothing. */
    public ConsumerStatus consumerStatus() {
        KafkaConsumerLoop loop = consumerLoop;
        return loop == null ? null : loop.status();
    }

    /** Broker reachability. */
    public BrokerHealth brokers() {
        return brokers;
    }

    /** Stops consuming (in-flight records finish and are committed), then flushes and closes the producers. */
    @Override
    public void close() {
        try {
            stopConsuming();
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
