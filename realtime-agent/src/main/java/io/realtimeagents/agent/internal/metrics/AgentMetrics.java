package io.realtimeagents.agent.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.realtimeagents.agent.DeadLetterHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * The agent's meters, all prefixed {@code realtime_} in Prometheus and tagged with the service name. Per-topic and
 * per-message-type meters are cached, so the hot path does one map look-up per record.
 */
public final class AgentMetrics implements AutoCloseable {
    /** The {@code message_type} tag of records whose type could not be determined. */
    public static final String UNKNOWN_TYPE = "unknown";

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;
    private final Map<MeterKey, MessageMeters> messageMeters = new ConcurrentHashMap<>();
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignored = new ConcurrentHashMap<>();
    private final Map<String, Counter> producerErrors = new ConcurrentHashMap<>();
    private final LongAdder processedTotal = new LongAdder();
    private final LongAdder errorTotal = new LongAdder();

    /** Creates the registry with JVM and process meters, every meter tagged {@code service=<serviceName>}. */
    public AgentMetrics(String serviceName) {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", serviceName);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        this.gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    /** The registry, for user meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of all meters. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts records taken from a topic. */
    public void consumed(String transport, String topic, int count) {
        consumed.computeIfAbsent(
                        transport + '\u0000' + topic,
                        key -> Counter.builder("realtime.records.consumed")
                                .description("Records received from a broker")
                                .tags("transport", transport, "topic", topic)
                                .register(registry))
                .increment(count);
    }

    /** The meters of one topic and message type. */
    public MessageMeters forMessages(String transport, String topic, String messageType) {
        MeterKey key = new MeterKey(transport, topic, messageType);
        MessageMeters meters = messageMeters.get(key);
        return meters != null
                ? meters
                : messageMeters.computeIfAbsent(key, k -> new MessageMeters(transport, topic, messageType));
    }

    /** Looked up once per record: a record (no string building) whose hash combines the strings' cached hashes. */
    private record MeterKey(String transport, String topic, String messageType) {}

    /**
     * Counts a record sent to the dead-letter topic, by reason ({@code decode}, {@code handler}, {@code unhandled}).
     * The message type is {@value #UNKNOWN_TYPE} when it could not be determined (undecodable records).
     */
    public void deadLettered(String transport, String topic, String messageType, String reason) {
        failure(
                deadLettered,
                "realtime.records.dead.lettered",
                "Records sent to a dead-letter topic",
                transport,
                topic,
                messageType,
                reason);
    }

    /**
     * Counts a record that failed for good and was committed without a dead letter ({@code HANDLER_FAILURE_STRATEGY}
     * {@code ignore}), by reason as {@link #deadLettered}.
     */
    public void failureIgnored(String transport, String topic, String messageType, String reason) {
        failure(
                ignored,
                "realtime.records.failure.ignored",
                "Records that failed and were committed without a dead" + " letter",
                transport,
                topic,
                messageType,
                reason);
    }

    private void failure(
            Map<String, Counter> counters,
            String name,
            String description,
            String transport,
            String topic,
            String messageType,
            String reason) {
        String type = messageType == null ? UNKNOWN_TYPE : messageType;
        String key = transport + '\u0000' + topic + '\u0000' + type + '\u0000' + reason;
        counters.computeIfAbsent(
                        key,
                        k -> Counter.builder(name)
                                .description(description)
                                .tags("transport", transport, "topic", topic, "message_type", type, "reason", reason)
                                .register(registry))
                .increment();
        if (!DeadLetterHeaders.REASON_HANDLER.equals(reason)) {
            errorTotal.increment(); // a handler's failures were already counted, one per attempt
        }
    }

    /** Counts a failed produce. */
    public void producerError(String topic) {
        producerErrors
                .computeIfAbsent(
                        topic,
                        t -> Counter.builder("realtime.producer.errors")
                                .description("Kafka records that could not be produced")
                                .tag("topic", t)
                                .register(registry))
                .increment();
        errorTotal.increment();
    }

    /** Registers the gauge of the MQTT connection: 1 while connected, 0 otherwise. */
    public void mqttConnection(BooleanSupplier connected) {
        Gauge.builder("realtime.mqtt.connected", () -> connected.getAsBoolean() ? 1 : 0)
                .description("Whether the MQTT client is connected")
                .register(registry);
    }

    /** Counts a successful automatic reconnection to the MQTT broker. */
    public void mqttReconnected() {
        Counter.builder("realtime.mqtt.reconnects")
                .description("Automatic reconnections to the MQTT broker")
                .register(registry)
                .increment();
    }

    /** Messages processed successfully since start (all transports). */
    public long processedTotal() {
        return processedTotal.sum();
    }

    /**
     * Errors since start: failed handler attempts, messages dead-lettered without a handler failure (undecodable or
     * unhandled), and producer errors. A message whose handler failed is not counted again when it is dead-lettered.
     */
    public long errorTotal() {
        return errorTotal.sum();
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }

    /** Counters and the latency histogram of one topic and message type. */
    public final class MessageMeters {
        private final Counter processed;
        private final Counter failed;
        private final Counter retried;
        private final Timer latency;

        private MessageMeters(String transport, String topic, String messageType) {
            String[] tags = {"transport", transport, "topic", topic, "message_type", messageType};
            this.processed = Counter.builder("realtime.records.processed")
                    .description("Messages whose handler completed")
                    .tags(tags)
                    .register(registry);
            this.failed = Counter.builder("realtime.records.failed")
                    .description("Handler attempts that threw")
                    .tags(tags)
                    .register(registry);
            this.retried = Counter.builder("realtime.records.retried")
                    .description("Handler attempts that were retries")
                    .tags(tags)
                    .register(registry);
            this.latency = Timer.builder("realtime.handler.latency")
                    .description("Time spent in a handler per attempt")
                    .tags(tags)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(10_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry);
        }

        /** Records a completed handler call. */
        public void processed(long nanos) {
            latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            processed.increment();
            processedTotal.increment();
        }

        /** Records a failed handler call. */
        public void failed(long nanos) {
            latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
            failed.increment();
            errorTotal.increment();
        }

        /** Records that a retry is about to run. */
        public void retried() {
            retried.increment();
        }
    }
}
