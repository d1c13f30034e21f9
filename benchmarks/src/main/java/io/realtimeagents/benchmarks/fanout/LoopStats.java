package io.realtimeagents.benchmarks.fanout;

import java.util.ArrayList;
import java.util.List;

/**
 * What the clients of one event loop of the load generator received: their latencies per transport and the time span
 * of the measured events. Touched only on that loop's thread; read by tasks submitted to it.
 */
final class LoopStats {
    private final long warmupEvents;
    private final List<ClientState> clients = new ArrayList<>();
    private final FrameParser parser = new FrameParser();
    private final LatencyHistogram webSocketLatency = new LatencyHistogram();
    private final LatencyHistogram sseLatency = new LatencyHistogram();
    private long firstSent = Long.MAX_VALUE;
    private long lastReceived = Long.MIN_VALUE;

    /** @param warmupEvents events numbered below it are warm-up: neither latency nor loss is counted for them */
    LoopStats(long warmupEvents) {
        this.warmupEvents = warmupEvents;
    }

    long warmupEvents() {
        return warmupEvents;
    }

    /** The parser of this loop's messages. */
    FrameParser parser() {
        return parser;
    }

    void add(ClientState client) {
        clients.add(client);
    }

    /** Records the latency of one measured event. */
    void record(boolean sse, long sentNanos, long receivedNanos) {
        (sse ? sseLatency : webSocketLatency).record(receivedNanos - sentNanos);
        firstSent = Math.min(firstSent, sentNanos);
        lastReceived = Math.max(lastReceived, receivedNanos);
    }

    /** Measured events received by all clients of this loop together. */
    long delivered() {
        long sum = 0;
        for (ClientState client : clients) {
            sum += client.delivered();
        }
        return sum;
    }

    /** Clients of this loop that are ready and still connected. */
    long held() {
        return clients.stream().filter(ClientState::held).count();
    }

    /** The result of this loop's clients of one transport, when {@code events} were emitted in all. */
    TransportResult result(boolean sse, long events) {
        long measured = Math.max(0, events - warmupEvents);
        long count = 0;
        long ready = 0;
        long held = 0;
        long delivered = 0;
        long duplicates = 0;
        for (ClientState client : clients) {
            if (client.sse() != sse) {
                continue;
            }
            count++;
            boolean isReady = client.ready.isDone() && !client.ready.isCompletedExceptionally();
            ready += isReady ? 1 : 0;
            held += client.held() ? 1 : 0;
            delivered += client.delivered();
            duplicates += client.duplicates();
        }
        LatencyHistogram latency = new LatencyHistogram();
        latency.add(sse ? sseLatency : webSocketLatency);
        return new TransportResult(
                sse ? "sse" : "ws",
                count,
                ready,
                held,
                delivered,
                measured * ready - delivered,
                duplicates,
                firstSent,
                lastReceived,
                latency);
    }
}
