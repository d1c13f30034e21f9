package io.realtimeagents.agent.internal.live;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans live messages out to connections. Each Netty event loop has a {@link LiveShard} of its connections; a message
 * becomes one task per loop that has connections, which writes it to that loop's subscribers of its topic. The hub
 * also keeps the per-topic subscriber counts of {@code /realtime/connections} and the metrics.
 */
public final class LiveHub {
    private static final Logger LOG = LoggerFactory.getLogger(LiveHub.class);

    private final LiveSettings settings;
    private final LiveMetrics metrics;
    private final Map<EventLoop, LiveShard> shardsByLoop = new ConcurrentHashMap<>();
    private volatile LiveShard[] shards = new LiveShard[0];
    private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();
    private final AtomicInteger[] connections = {new AtomicInteger(), new AtomicInteger()};

    LiveHub(LiveSettings settings, io.micrometer.core.instrument.MeterRegistry registry) {
        this.settings = settings;
        this.metrics = new LiveMetrics(registry, transport -> connections[transport.ordinal()].get());
    }

    LiveMetrics metrics() {
        return metrics;
    }

    LiveSettings settings() {
        return settings;
    }

    /** The shard of a channel's event loop. */
    LiveShard shardOf(Channel channel) {
        return shardsByLoop.computeIfAbsent(channel.eventLoop(), loop -> {
            LiveShard shard = new LiveShard(loop, this);
            shard.startHeartbeat(settings.heartbeat().toNanos());
            synchronized (this) {
                List<LiveShard> all = new ArrayList<>(List.of(shards));
                all.add(shard);
                shards = all.toArray(new LiveShard[0]);
            }
            return shard;
        });
    }

    /** Registers an open connection with its shard; on the connection's event loop. */
    void opened(LiveConnection connection) {
        connection.shard.add(connection);
        connections[connection.transport().ordinal()].incrementAndGet();
        connection.channel.closeFuture().addListener(closed -> {
            connection.beginClose();
            connection.shard.remove(connection);
            connections[connection.transport().ordinal()].decrementAndGet();
        });
    }

    /** Delivers a message on every event loop that has connections; takes over the caller's reference. */
    void publish(LiveMessage message) {
        try {
            for (LiveShard shard : shards) {
                if (shard.size() > 0) {
                    shard.enqueue(message.retain());
                }
            }
        } finally {
            message.release();
        }
    }

    void subscribed(String topic) {
        synchronized (subscribers) {
            AtomicInteger count = subscribers.computeIfAbsent(topic, t -> new AtomicInteger());
            if (count.incrementAndGet() == 1) {
                metrics.topicSubscribed(topic, count);
            }
        }
    }

    void unsubscribed(String topic) {
        synchronized (subscribers) {
            AtomicInteger count = subscribers.get(topic);
            if (count != null && count.decrementAndGet() <= 0) {
                subscribers.remove(topic);
                metrics.topicEmpty(topic);
            }
        }
    }

    void slowClient(LiveConnection connection, String detail) {
        LOG.info("Closing {}: slow consumer, {}", connection, detail);
    }

    /** Open connections of a transport. */
    int connections(Transport transport) {
        return connections[transport.ordinal()].get();
    }

    /** Open connections. */
    public int totalConnections() {
        return connections(Transport.WEBSOCKET) + connections(Transport.SSE);
    }

    /** Subscribers per topic, sorted by topic. */
    public Map<String, Integer> topicCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        subscribers.forEach((topic, count) -> {
            if (count.get() > 0) {
                counts.put(topic, count.get());
            }
        });
        return counts;
    }

    /** Closes every connection (WebSocket clients get 1001 and the reason) and waits up to the timeout. */
    void closeAll(CloseReason reason, String detail, long timeoutMillis) {
        Collection<LiveShard> all = List.of(shards);
        CountDownLatch done = new CountDownLatch(all.size());
        for (LiveShard shard : all) {
            try {
                shard.loop().execute(() -> {
                    try {
                        shard.closeAll(reason, detail);
                    } finally {
                        done.countDown();
                    }
                });
            } catch (RejectedExecutionException e) {
                done.countDown();
            }
        }
        try {
            done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
