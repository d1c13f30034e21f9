package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The plain server's fan-out, the cheapest one Netty allows: each event is encoded once into one direct buffer per
 * transport, complete with its framing (the WebSocket text frame, and the HTTP chunk of the SSE event {@code id:
 * <seq>\ndata: <json>\n\n}), so nothing is encoded per client; then one task per event loop writes retained
 * duplicates of it to that loop's own channels, skipping (and counting as dropped) those that are not writable. Ticks that come while a fan-out is still being written are skipped, so a slow fan-out lowers the
 * rate instead of queueing without bound.
 */
final class Broadcaster implements ServerControl.Target {
    private final Map<EventExecutor, LoopChannels> loops = new IdentityHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong connections = new AtomicLong();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder fanOuts = new LongAdder();
    private final LongAdder fanOutNanos = new LongAdder();
    private final AtomicLong maxFanOutNanos = new AtomicLong();
    private volatile long fanOutStart;

    /** A broadcaster to the channels of {@code workers}' event loops. */
    Broadcaster(EventLoopGroup workers) {
        for (EventExecutor loop : workers) {
            loops.put(loop, new LoopChannels());
        }
    }

    /**
     * Adds a subscribed WebSocket channel or an open SSE stream; call it on the channel's event loop. It leaves when it
     * closes.
     */
    void add(Channel channel, boolean sse) {
        LoopChannels own = loops.get(channel.eventLoop());
        Set<Channel> set = sse ? own.streams : own.webSockets;
        if (set.add(channel)) {
            connections.incrementAndGet();
            // Later, not now: a write in the middle of a fan-out may close the channel.
            channel.closeFuture()
                    .addListener(closed -> channel.eventLoop().execute(() -> {
                        if (set.remove(channel)) {
                            connections.decrementAndGet();
                        }
                    }));
        }
    }

    @Override
    public boolean emit(long seq, long sentNanos) {
        if (!pending.compareAndSet(0, loops.size())) {
            return false;
        }
        fanOutStart = sentNanos;
        byte[] json = BenchMessage.json(seq, sentNanos);
        ByteBuf frame = directBuffer(webSocketTextFrame(json));
        ByteBuf event = directBuffer(httpChunk(BenchMessage.sseEvent(seq, json)));
        loops.forEach((loop, channels) -> {
            frame.retain();
            event.retain();
            loop.execute(() -> channels.fanOut(frame, event));
        });
        frame.release();
        event.release();
        return true;
    }

    @Override
    public long connections() {
        return connections.get();
    }

    /** Starts the drop count and fan-out times again (after the priming emission, whose fan-outs reach nobody). */
    @Override
    public void resetCounters() {
        dropped.reset();
        fanOuts.reset();
        fanOutNanos.reset();
        maxFanOutNanos.set(0);
    }

    /** Messages dropped for unwritable clients, and fan-out times (emission to last loop done). */
    @Override
    public String counters() {
        long count = fanOuts.sum();
        return String.format(
                Locale.ROOT,
                "dropped=%d fan-out_ms_avg=%.1f fan-out_ms_max=%.1f",
                dropped.sum(),
                count == 0 ? 0 : fanOutNanos.sum() / 1e6 / count,
                maxFanOutNanos.get() / 1e6);
    }

    /** Called by the last loop to finish a fan-out. */
    private void fannedOut(long start) {
        long nanos = System.nanoTime() - start;
        fanOuts.increment();
        fanOutNanos.add(nanos);
        maxFanOutNanos.accumulateAndGet(nanos, Math::max);
    }

    /** A complete unmasked WebSocket text frame (FIN set) carrying {@code payload}. */
    static byte[] webSocketTextFrame(byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length);
        frame.put((byte) 0x81);
        if (length <= 125) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) 126).putShort((short) length);
        } else {
            frame.put((byte) 127).putLong(length);
        }
        return frame.put(payload).array();
    }

    /** {@code data} as one chunk of a chunked HTTP response. */
    static byte[] httpChunk(byte[] data) {
        byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = Arrays.copyOf(head, head.length + data.length + 2);
        System.arraycopy(data, 0, chunk, head.length, data.length);
        chunk[chunk.length - 2] = '\r';
        chunk[chunk.length - 1] = '\n';
        return chunk;
    }

    private static ByteBuf directBuffer(byte[] bytes) {
        return ByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** The channels of one event loop, touched only on that loop's thread. */
    private final class LoopChannels {
        final Set<Channel> webSockets = new LinkedHashSet<>();
        final Set<Channel> streams = new LinkedHashSet<>();

        /** Writes the event to every channel of this loop, then releases this loop's references. */
        void fanOut(ByteBuf frame, ByteBuf event) {
            try {
                for (Channel channel : webSockets) {
                    if (writable(channel)) {
                        channel.writeAndFlush(frame.retainedDuplicate(), channel.voidPromise());
                    }
                }
                for (Channel channel : streams) {
                    if (writable(channel)) {
                        channel.writeAndFlush(event.retainedDuplicate(), channel.voidPromise());
                    }
                }
            } finally {
                frame.release();
                event.release();
                long start = fanOutStart; // read before the next fan-out may start
                if (pending.decrementAndGet() == 0) {
                    fannedOut(start);
                }
            }
        }

        /** Whether the channel can take the message now; counts it as dropped when not. */
        private boolean writable(Channel channel) {
            if (channel.isWritable()) {
                return true;
            }
            dropped.increment();
            return false;
        }
    }
}
