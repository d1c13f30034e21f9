package io.realtimeagents.agent.internal.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * The live-delivery meters: connections and subscribers per topic (gauges), messages and bytes sent, messages
 * dropped, connections closed by reason and refused, messages read from the feed, resumes, the feed's state and
 * restarts. Per-delivery counts are added once per message and event loop, not once per client.
 */
final class LiveMetrics {
    private final MeterRegistry registry;
    private final Map<Transport, Counter> sent = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> bytes = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> dropped = new EnumMap<>(Transport.class);
    private final Map<String, Counter> closed = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Map<String, Counter> fed = new ConcurrentHashMap<>();
    private final Map<String, Counter> resumes = new ConcurrentHashMap<>();
    private final Map<String, Gauge> topicGauges = new ConcurrentHashMap<>();
    private final LongAdder retainedBytes = new LongAdder();

    LiveMetrics(MeterRegistry registry, ToDoubleFunction<Transport> connections) {
        this.registry = registry;
        Gauge.builder("realtime.live.retained.bytes", retainedBytes, LongAdder::sum)
                .description("Bytes of encoded live messages held by the history, deliveries and client buffers")
                .baseUnit("bytes")
                .register(registry);
        for (Transport transport : Transport.values()) {
            Gauge.builder("realtime.live.connections", transport, connections)
                    .description("Open live connections")
                    .tag("transport", transport.tag())
                    .register(registry);
            sent.put(transport, counter("realtime.live.messages.sent", "Messages written to live clients", transport));
            bytes.put(transport, counter("realtime.live.bytes.sent", "Bytes written to live clients", transport));
            dropped.put(
                    transport,
                    counter(
                            "realtime.live.messages.dropped",
                            "Messages skipped for clients with full buffers",
                            transport));
            for (CloseReason reason : CloseReason.values()) {
                closedCounter(transport, reason); // exported from the start: alerts see zeros, not gaps
            }
        }
    }

    /** Bytes of encoded messages still referenced: by the history, by deliveries under way, by client backlogs. */
    LongAdder retainedBytes() {
        return retainedBytes;
    }

    private Counter counter(String name, String description, Transport transport) {
        return Counter.builder(name)
                .description(description)
                .tag("transport", transport.tag())
                .register(registry);
    }

    void sent(Transport transport, long messages, long byteCount) {
        if (messages > 0) {
            sent.get(transport).increment(messages);
            bytes.get(transport).increment(byteCount);
        }
    }

    void dropped(Transport transport, long messages) {
        if (messages > 0) {
            dropped.get(transport).increment(messages);
        }
    }

    void closed(Transport transport, CloseReason reason) {
        closedCounter(transport, reason).increment();
    }

    private Counter closedCounter(Transport transport, CloseReason reason) {
        return closed.computeIfAbsent(
                transport.tag() + "/" + reason.tag(),
                key -> Counter.builder("realtime.live.closed")
                        .description("Live connections closed by the server")
                        .tag("transport", transport.tag())
                        .tag("reason", reason.tag())
                        .register(registry));
    }

    void refused(Transport transport, int status) {
        refused.computeIfAbsent(
                        transport.tag() + "/" + status,
                        key -> Counter.builder("realtime.live.refused")
                                .description("Live connections refused at connect")
                                .tag("transport", transport.tag())
                                .tag("status", Integer.toString(status))
                                .register(registry))
                .increment();
    }

    void fed(String kind) {
        fed.computeIfAbsent(
                        kind,
                        key -> Counter.builder("realtime.live.messages.received")
                                .description(
                                        "Messages taken in for live delivery: read from Kafka, or this replica's broadcasts as Kafka"
                                                + " acknowledged them (kind: event, broadcast, invalid)")
                                .tag("kind", kind)
                                .register(registry))
                .increment();
    }

    void resumed(boolean missed) {
        String result = missed ? "missed" : "complete";
        resumes.computeIfAbsent(
                        result,
                        key -> Counter.builder("realtime.live.resumes")
                                .description(
                                        "SSE reconnects with Last-Event-ID (missed: the history no longer reached back)")
                                .tag("result", result)
                                .register(registry))
                .increment();
    }

    /** Exports whether the live feed reads ({@code realtime_live_feed_up}) and how often it restarted. */
    void feed(LiveFeedHealth health) {
        Gauge.builder("realtime.live.feed.up", health, h -> h.up() ? 1 : 0)
                .description("1 while the live feed reads the events and live topics, 0 while it is down or starting")
                .register(registry);
        FunctionCounter.builder("realtime.live.feed.restarts", health, LiveFeedHealth::restarts)
                .description("Restarts of the live feed after a failure")
                .register(registry);
    }

    /** Shows the topic's subscriber count while it has subscribers. */
    void topicSubscribed(String topic, AtomicInteger count) {
        topicGauges.computeIfAbsent(
                topic,
                key -> Gauge.builder("realtime.live.topic.subscribers", count, c -> c.get())
                        .description("Live connections subscribed to a topic")
                        .tag("topic", topic)
                        .register(registry));
    }

    /** Removes the topic's gauge once nobody is subscribed. */
    void topicEmpty(String topic) {
        Gauge gauge = topicGauges.remove(topic);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }
}
