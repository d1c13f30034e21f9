package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import java.util.concurrent.atomic.LongAdder;

/**
 * One message on its way to live clients, encoded once for all of them: the complete WebSocket text frame (server
 * frames are unmasked, so the bytes are the same for every client) and the complete SSE chunk (chunked-encoding frame,
 * {@code id:} and {@code data:} lines). Connections write retained duplicates of these buffers. Reference counted: the
 * feed, the history and each event loop delivering it hold a reference.
 */
public final class LiveMessage extends AbstractReferenceCounted {
    private final String topic;
    private final long sequence;
    private final int partition;
    private final long offset;
    private final String id;
    private final ByteBuf webSocketFrame;
    private final ByteBuf sseChunk;
    private final long receivedAtMillis;
    private final LongAdder retainedBytes;

    LiveMessage(
            MessageOrigin origin,
            String topic,
            String id,
            ByteBuf webSocketFrame,
            ByteBuf sseChunk,
            LongAdder retainedBytes) {
        this.topic = topic;
        this.sequence = origin.sequence();
        this.partition = origin.partition();
        this.offset = origin.offset();
        this.id = id;
        this.webSocketFrame = webSocketFrame;
        this.sseChunk = sseChunk;
        this.receivedAtMillis = System.currentTimeMillis();
        this.retainedBytes = retainedBytes;
        retainedBytes.add(size());
    }

    private int size() {
        return webSocketFrame.capacity() + sseChunk.capacity();
    }

    /** Where a message came from: the replica-local sequence number and the source partition and offset. */
    record MessageOrigin(long sequence, int partition, long offset) {}

    /** The live topic. */
    public String topic() {
        return topic;
    }

    /** This replica's sequence number, increasing in delivery order. */
    long sequence() {
        return sequence;
    }

    /** The index of the source partition in the stream's layout. */
    int partition() {
        return partition;
    }

    /** The offset in the source partition. */
    long offset() {
        return offset;
    }

    /** The SSE id: the stream position just after this message. */
    public String id() {
        return id;
    }

    /** When this replica read it, for history expiry. */
    long receivedAtMillis() {
        return receivedAtMillis;
    }

    /** The WebSocket frame; callers write {@code retainedDuplicate()}s. */
    ByteBuf webSocketFrame() {
        return webSocketFrame;
    }

    /** The SSE chunk; callers write {@code retainedDuplicate()}s. */
    ByteBuf sseChunk() {
        return sseChunk;
    }

    @Override
    protected void deallocate() {
        retainedBytes.add(-size());
        webSocketFrame.release();
        sseChunk.release();
    }

    @Override
    public LiveMessage touch(Object hint) {
        return this;
    }

    @Override
    public LiveMessage retain() {
        super.retain();
        return this;
    }

    @Override
    public String toString() {
        return "LiveMessage[" + topic + " " + id + "]";
    }
}
