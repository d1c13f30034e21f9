package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;

/**
 * One client connection of the load generator: whether it is ready (WebSocket: subscription confirmed; SSE: response
 * 200), and which event numbers it received, to count losses and duplicates. Touched only on its channel's event
 * loop, except {@link #ready}, which the connector waits on.
 */
final class ClientState {
    /** Completes when the client is ready to receive; fails when it cannot connect or closes first. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();

    private final boolean sse;
    private final BitSet seen = new BitSet();
    private LoopStats stats;
    private Channel channel;
    private long delivered;
    private long duplicates;

    ClientState(boolean sse) {
        this.sse = sse;
    }

    /** Whether it reads SSE rather than WebSocket. */
    boolean sse() {
        return sse;
    }

    /** Binds it to its channel and to the stats of the channel's event loop, on that loop. */
    void attach(Channel connection, LoopStats loopStats) {
        this.channel = connection;
        this.stats = loopStats;
        loopStats.add(this);
    }

    /** Whether it is ready and its connection still open. */
    boolean held() {
        return ready.isDone() && !ready.isCompletedExceptionally() && channel != null && channel.isActive();
    }

    /**
     * Handles one message, bytes {@code [from, to)} of {@code buf}, received at {@code receivedNanos}.
     *
     * @return false when it is not a broadcast event (no {@code seq})
     */
    boolean message(ByteBuf buf, int from, int to, long receivedNanos) {
        FrameParser parser = stats.parser();
        if (!parser.parse(buf, from, to)) {
            return false;
        }
        long seq = parser.seq();
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            return true; // not one of ours
        }
        if (seen.get((int) seq)) {
            duplicates++;
            return true;
        }
        seen.set((int) seq);
        if (seq >= stats.warmupEvents()) {
            delivered++;
            stats.record(sse, parser.sentNanos(), receivedNanos);
        }
        return true;
    }

    /** Measured events received once or more (those numbered from the warm-up count on). */
    long delivered() {
        return delivered;
    }

    /** Events received more than once, warm-up ones included. */
    long duplicates() {
        return duplicates;
    }
}
