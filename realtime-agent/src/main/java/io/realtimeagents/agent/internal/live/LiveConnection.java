package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.realtimeagents.common.internal.live.TopicPermissions;
import io.realtimeagents.common.live.SlowClientPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One live client on one Netty channel. All state is confined to the channel's event loop. Messages are written only
 * while the channel is writable, so what waits for a client never exceeds its buffer ({@code LIVE_CLIENT_BUFFER_BYTES},
 * the channel's high water mark) by more than one message; a message that finds it full closes the connection or is
 * dropped for it, by policy.
 */
abstract class LiveConnection extends ChannelInboundHandlerAdapter {
    private static final Duration LONGEST_TIMER = Duration.ofDays(3650);

    final Channel channel;
    final LiveShard shard;
    final TopicPermissions permissions;
    final Set<String> topics = new HashSet<>();
    final LiveSettings settings;
    private boolean everything;
    private long skipUpToSequence;
    private long fullSinceNanos;
    private boolean closing;
    private boolean written;
    private long lastSentNanos = System.nanoTime();
    /** Which of the shard's heartbeat ticks serves this connection. */
    int heartbeatSlot;

    private Instant expiresAt;

    LiveConnection(Channel channel, LiveShard shard, TopicPermissions permissions, LiveSettings settings) {
        this.channel = channel;
        this.shard = shard;
        this.permissions = permissions;
        this.settings = settings;
    }

    abstract Transport transport();

    /** The bytes of a message for this transport. */
    abstract ByteBuf bytesOf(LiveMessage message);

    /** Sends the periodic heartbeat; may close an idle connection. */
    abstract void heartbeat(long nowNanos);

    /** Closes the connection once, counting why, and telling the client why where the transport can. */
    final void closeWith(CloseReason reason, String detail) {
        if (beginClose()) {
            shard.hub().metrics().closed(transport(), reason);
            close(reason, detail);
        }
    }

    /** Closes the channel; a slow client's full buffer is not waited for. */
    abstract void close(CloseReason reason, String detail);

    /**
     * Closes the connection when its credentials stop being accepted: one timer on the channel's event loop, cancelled
     * when the channel closes first. Nothing happens for credentials that do not expire.
     *
     * @param deadline the moment, or null
     */
    void expireAt(Instant deadline) {
        if (deadline == null) {
            return;
        }
        expiresAt = deadline;
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.compareTo(LONGEST_TIMER) > 0) {
            return; // no connection lives that long; and the delay would overflow the timer
        }
        long delayNanos = Math.max(0, left.toNanos());
        ScheduledFuture<?> timer = channel.eventLoop()
                .schedule(
                        () -> closeWith(CloseReason.TOKEN_EXPIRED, "token expired: reconnect with a new token"),
                        delayNanos,
                        TimeUnit.NANOSECONDS);
        channel.closeFuture().addListener(closed -> timer.cancel(false));
    }

    /** Whether the connection's credentials are no longer accepted. */
    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether this connection receives every topic it is permitted (a multiplexed stream). */
    boolean everything() {
        return everything;
    }

    void receiveEverything() {
        everything = true;
    }

    /** Live delivery skips messages a replay already sent. */
    void skipUpTo(long sequence) {
        skipUpToSequence = sequence;
    }

    /**
     * Writes a message, without flushing, if the client's buffer has room; returns the bytes written, or -1 when it
     * was dropped. The shard flushes each written connection once per batch.
     */
    int offer(LiveMessage message) {
        if (closing || message.sequence() <= skipUpToSequence) {
            return 0;
        }
        if (!channel.isWritable()) {
            if (written) {
                channel.flush(); // what this batch wrote counts against the buffer until it is sent
            }
            if (!channel.isWritable()) {
                return full(message);
            }
        }
        fullSinceNanos = 0;
        ByteBuf bytes = bytesOf(message);
        channel.write(bytes.retainedDuplicate(), channel.voidPromise());
        return bytes.readableBytes();
    }

    /**
     * Notes that the current pass wrote to this connection without flushing; true the first time in a pass, when the
     * shard must remember to flush it.
     */
    boolean markWritten() {
        boolean first = !written;
        written = true;
        return first;
    }

    /** Sends what the current pass wrote to this connection. */
    void flushNow(long nowNanos) {
        written = false;
        lastSentNanos = nowNanos;
        channel.flush();
    }

    /** Sends what the current pass wrote, unless the pass's last message sent it already. */
    void flushIfWritten(long nowNanos) {
        if (written) {
            flushNow(nowNanos);
        }
    }

    /** When messages were last sent to this connection ({@link System#nanoTime()}). */
    long lastSentNanos() {
        return lastSentNanos;
    }

    private int full(LiveMessage message) {
        long now = System.nanoTime();
        if (settings.slowClientPolicy() == SlowClientPolicy.CLOSE) {
            slow("a message for topic " + message.topic() + " found its buffer of " + settings.clientBufferBytes()
                    + " bytes full");
        } else if (fullSinceNanos == 0) {
            fullSinceNanos = now;
        } else if (now - fullSinceNanos > settings.slowClientTimeout().toNanos()) {
            slow("its buffer of " + settings.clientBufferBytes() + " bytes stayed full for "
                    + settings.slowClientTimeout().toMillis() + " ms");
        }
        return -1;
    }

    /** A buffer that stays full past the slow-client timeout closes the connection. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.fireChannelWritabilityChanged();
        if (channel.isWritable()) {
            fullSinceNanos = 0;
            return;
        }
        long episode = System.nanoTime();
        if (fullSinceNanos == 0) {
            fullSinceNanos = episode;
        }
        long since = fullSinceNanos;
        channel.eventLoop()
                .schedule(
                        () -> {
                            if (!channel.isWritable() && fullSinceNanos == since) {
                                slow("its buffer of " + settings.clientBufferBytes() + " bytes stayed full for "
                                        + settings.slowClientTimeout().toMillis() + " ms");
                            }
                        },
                        settings.slowClientTimeout().toNanos(),
                        TimeUnit.NANOSECONDS);
    }

    private void slow(String detail) {
        if (!closing) {
            shard.hub().slowClient(this, detail);
            closeWith(CloseReason.SLOW, "slow consumer: " + detail);
        }
    }

    /** Marks the connection as closing: nothing more is written to it. */
    boolean beginClose() {
        boolean first = !closing;
        closing = true;
        return first;
    }

    @Override
    public String toString() {
        return transport().tag() + " " + channel.remoteAddress();
    }
}
