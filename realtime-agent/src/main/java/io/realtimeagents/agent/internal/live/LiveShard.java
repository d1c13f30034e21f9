package io.realtimeagents.agent.internal.live;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live connections of one Netty event loop, indexed by topic. Only that loop touches them: subscriptions change
 * on it and messages are delivered on it, so there are no locks and no scan of unrelated connections. Subscriber
 * lists are copied on change, so a connection closing during a delivery does not disturb it.
 */
final class LiveShard {
    private static final LiveConnection[] NONE = new LiveConnection[0];
    /** Messages delivered per pass before the loop gets to do other work (reads, other tasks). */
    private static final int MAX_BATCH = 64;
    /**
     * Heartbeats are spread over the interval: each connection has one of this many slots, and a tick every
     * interval / slots serves one slot, so 10,000 pings are never written (and answered) in one burst.
     */
    static final int HEARTBEAT_SLOTS = 16;

    private final EventLoop loop;
    private final LiveHub hub;
    private final Map<String, LiveConnection[]> byTopic = new HashMap<>();
    private final List<LiveConnection> connections = new ArrayList<>();
    private LiveConnection[] everything = NONE;
    private final AtomicInteger size = new AtomicInteger();
    private final Queue<LiveMessage> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final List<LiveConnection> written = new ArrayList<>();
    private ScheduledFuture<?> heartbeat;
    private int nextHeartbeatSlot;
    private int heartbeatTick;

    LiveShard(EventLoop loop, LiveHub hub) {
        this.loop = loop;
        this.hub = hub;
    }

    EventLoop loop() {
        return loop;
    }

    LiveHub hub() {
        return hub;
    }

    /** Connections on this loop; read by the publishing thread to skip empty shards. */
    int size() {
        return size.get();
    }

    void startHeartbeat(long intervalNanos) {
        long tick = Math.max(1, intervalNanos / HEARTBEAT_SLOTS);
        heartbeat = loop.scheduleAtFixedRate(this::heartbeat, tick, tick, TimeUnit.NANOSECONDS);
    }

    void add(LiveConnection connection) {
        connection.heartbeatSlot = nextHeartbeatSlot;
        nextHeartbeatSlot = (nextHeartbeatSlot + 1) % HEARTBEAT_SLOTS;
        connections.add(connection);
        size.incrementAndGet();
        if (connection.everything()) {
            everything = with(everything, connection);
        }
    }

    void remove(LiveConnection connection) {
        if (!connections.remove(connection)) {
            return;
        }
        size.decrementAndGet();
        if (connection.everything()) {
            everything = without(everything, connection);
        }
        for (String topic : connection.topics) {
            removeFromTopic(topic, connection);
        }
    }

    /** Adds a subscription; false when the connection already had it. */
    boolean subscribe(LiveConnection connection, String topic) {
        if (!connection.topics.add(topic)) {
            return false;
        }
        byTopic.merge(topic, new LiveConnection[] {connection}, (old, added) -> with(old, connection));
        hub.subscribed(topic);
        return true;
    }

    /** Removes a subscription; false when the connection did not have it. */
    boolean unsubscribe(LiveConnection connection, String topic) {
        if (!connection.topics.remove(topic)) {
            return false;
        }
        removeFromTopic(topic, connection);
        return true;
    }

    private void removeFromTopic(String topic, LiveConnection connection) {
        LiveConnection[] left = without(byTopic.getOrDefault(topic, NONE), connection);
        if (left.length == 0) {
            byTopic.remove(topic);
        } else {
            byTopic.put(topic, left);
        }
        hub.unsubscribed(topic);
    }

    /**
     * Queues a message for this loop (taking over the caller's reference) and schedules a delivery pass unless one is
     * pending. Under load several messages wait by the time the pass runs: each connection then gets them all in one
     * flush, so the cost per delivery falls as the load rises instead of latency growing without bound.
     */
    void enqueue(LiveMessage message) {
        pending.offer(message);
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this::deliverPending);
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
                releasePending();
            }
        }
    }

    /**
     * Delivers up to {@link #MAX_BATCH} waiting messages. The last one is flushed to each connection as soon as it is
     * written there, with whatever the earlier ones left for it, so a connection early in the list does not wait for
     * the rest of the pass; connections that the last message skips are flushed at the end.
     */
    private void deliverPending() {
        scheduled.set(false);
        long now = System.nanoTime();
        Delivery delivery = new Delivery();
        LiveMessage message = pending.poll();
        int count = 0;
        while (message != null) {
            LiveMessage next = ++count < MAX_BATCH ? pending.poll() : null;
            deliver(message, delivery, next == null, now);
            message = next;
        }
        for (LiveConnection connection : written) {
            connection.flushIfWritten(now);
        }
        written.clear();
        delivery.report(hub.metrics());
        if (!pending.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(this::deliverPending);
        }
    }

    /** Writes a message to the connections of its topic and to the multiplexed streams that may read it. */
    private void deliver(LiveMessage message, Delivery delivery, boolean last, long now) {
        try {
            for (LiveConnection connection : byTopic.getOrDefault(message.topic(), NONE)) {
                offer(connection, message, delivery, last, now);
            }
            for (LiveConnection connection : everything) {
                if (connection.permissions.allows(message.topic()) && !connection.topics.contains(message.topic())) {
                    offer(connection, message, delivery, last, now);
                }
            }
        } finally {
            message.release();
        }
    }

    private void offer(LiveConnection connection, LiveMessage message, Delivery delivery, boolean last, long now) {
        int bytes = connection.offer(message);
        delivery.count(connection, bytes);
        if (bytes > 0) {
            if (last) {
                connection.flushNow(now);
            } else if (connection.markWritten()) {
                written.add(connection);
            }
        }
    }

    private void releasePending() {
        LiveMessage message;
        while ((message = pending.poll()) != null) {
            message.release();
        }
    }

    /** Serves the connections of the next heartbeat slot. */
    private void heartbeat() {
        int slot = heartbeatTick;
        heartbeatTick = (heartbeatTick + 1) % HEARTBEAT_SLOTS;
        long now = System.nanoTime();
        for (LiveConnection connection : connections.toArray(NONE)) {
            if (connection.heartbeatSlot == slot) {
                connection.heartbeat(now);
            }
        }
    }

    /** Closes every connection of this loop. */
    void closeAll(CloseReason reason, String detail) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        releasePending();
        for (LiveConnection connection : connections.toArray(NONE)) {
            connection.closeWith(reason, detail);
        }
    }

    private static LiveConnection[] with(LiveConnection[] list, LiveConnection connection) {
        LiveConnection[] longer = Arrays.copyOf(list, list.length + 1);
        longer[list.length] = connection;
        return longer;
    }

    private static LiveConnection[] without(LiveConnection[] list, LiveConnection connection) {
        for (int i = 0; i < list.length; i++) {
            if (list[i] == connection) {
                LiveConnection[] shorter = new LiveConnection[list.length - 1];
                System.arraycopy(list, 0, shorter, 0, i);
                System.arraycopy(list, i + 1, shorter, i, list.length - i - 1);
                return shorter;
            }
        }
        return list;
    }

    /** Counts of one message's delivery on this loop, reported once. */
    private static final class Delivery {
        private final long[] sent = new long[Transport.values().length];
        private final long[] bytes = new long[Transport.values().length];
        private final long[] dropped = new long[Transport.values().length];

        void count(LiveConnection connection, int written) {
            int t = connection.transport().ordinal();
            if (written > 0) {
                sent[t]++;
                bytes[t] += written;
            } else if (written < 0) {
                dropped[t]++;
            }
        }

        void report(LiveMetrics metrics) {
            for (Transport transport : Transport.values()) {
                metrics.sent(transport, sent[transport.ordinal()], bytes[transport.ordinal()]);
                metrics.dropped(transport, dropped[transport.ordinal()]);
            }
        }
    }
}
