package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.util.ReferenceCountUtil;
import io.realtimeagents.common.internal.live.TopicPermissions;
import io.realtimeagents.common.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Server-Sent Events client: a chunked response that never ends. Messages are pre-encoded chunks; a comment every
 * heartbeat interval keeps proxies from closing the quiet stream. Anything the client sends is ignored.
 */
final class SseConnection extends LiveConnection {
    private static final Logger LOG = LoggerFactory.getLogger(SseConnection.class);
    /** The last message of a stream whose token expired (without an id, so Last-Event-ID stays where it was). */
    private static final String TOKEN_EXPIRED = Json.encodeToString(
            WsProtocol.error("token_expired", "the token expired: reconnect with a new token (?access_token=)", null));

    SseConnection(Channel channel, LiveShard shard, TopicPermissions permissions, LiveSettings settings) {
        super(channel, shard, permissions, settings);
    }

    @Override
    Transport transport() {
        return Transport.SSE;
    }

    @Override
    ByteBuf bytesOf(LiveMessage message) {
        return message.sseChunk();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
    }

    @Override
    void heartbeat(long nowNanos) {
        // A stream that carried messages within the interval is not quiet: no comment needed to keep proxies from it.
        if (nowNanos - lastSentNanos() >= settings.heartbeat().toNanos() && channel.isWritable()) {
            channel.writeAndFlush(LiveFrames.SSE_HEARTBEAT.duplicate(), channel.voidPromise());
        }
    }

    @Override
    void close(CloseReason reason, String detail) {
        LOG.debug("Closing SSE stream {}: {}", this, detail);
        if (reason == CloseReason.TOKEN_EXPIRED && channel.isWritable()) {
            channel.write(LiveFrames.sseChunkOf("data: " + TOKEN_EXPIRED + "\n\n"));
        }
        if (reason != CloseReason.SLOW && channel.isWritable()) {
            channel.writeAndFlush(LiveFrames.LAST_CHUNK.duplicate()).addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("SSE stream {} failed: {}", this, cause.toString());
        ctx.close();
    }
}
