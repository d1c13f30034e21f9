package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.realtimeagents.agent.internal.live.auth.TaskPermissions;
import io.realtimeagents.common.internal.live.TopicPermissions;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.WebSocketMessage;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket client: the last handler of its channel's pipeline after the handshake. Text frames go to the
 * {@link WsProtocol}; pings are answered; any frame, pongs included, proves the client alive for the idle timeout.
 */
final class WsConnection extends LiveConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WsConnection.class);
    private static final int MAX_REASON_BYTES = 123;

    private final WsProtocol protocol;
    /** The task types the client may run with {@code agent_request}. */
    final TaskPermissions tasks;

    private long lastReadNanos = System.nanoTime();

    WsConnection(
            Channel channel,
            LiveShard shard,
            TopicPermissions permissions,
            TaskPermissions tasks,
            LiveSettings settings,
            WsProtocol protocol) {
        super(channel, shard, permissions, settings);
        this.tasks = tasks;
        this.protocol = protocol;
    }

    @Override
    Transport transport() {
        return Transport.WEBSOCKET;
    }

    @Override
    ByteBuf bytesOf(LiveMessage message) {
        return message.webSocketFrame();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame frame)) {
            ReferenceCountUtil.release(msg); // the empty last content of the upgrade request
            return;
        }
        lastReadNanos = System.nanoTime();
        try {
            if (frame instanceof TextWebSocketFrame text) {
                protocol.handle(this, text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                channel.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame) {
                if (beginClose()) {
                    channel.writeAndFlush(new CloseWebSocketFrame(1000, "")).addListener(ChannelFutureListener.CLOSE);
                }
            } else if (frame instanceof BinaryWebSocketFrame) {
                reply(WsProtocol.error("unsupported_frame", "binary frames are not supported: send JSON text", null));
            }
        } finally {
            frame.release();
        }
    }

    /** Sends a protocol reply; a client whose buffer is full because it does not read its replies is closed. */
    void reply(WebSocketMessage message) {
        if (!channel.eventLoop().inEventLoop()) {
            channel.eventLoop().execute(() -> reply(message)); // task results arrive on other threads
            return;
        }
        if (!channel.isWritable()) {
            closeWith(CloseReason.SLOW, "slow consumer: replies found the buffer full");
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(Json.encode(message))));
    }

    @Override
    void heartbeat(long nowNanos) {
        long silentNanos = nowNanos - lastReadNanos;
        if (silentNanos > settings.idleTimeout().toNanos()) {
            closeWith(
                    CloseReason.IDLE,
                    "idle timeout: nothing received, not even a pong, for " + silentNanos / 1_000_000_000 + " s");
        } else if (channel.isWritable()) {
            channel.writeAndFlush(LiveFrames.PING.duplicate(), channel.voidPromise());
        }
    }

    @Override
    void close(CloseReason reason, String detail) {
        if (reason != CloseReason.SLOW && channel.isWritable()) {
            channel.writeAndFlush(new CloseWebSocketFrame(reason.webSocketCode(), truncate(detail)));
        }
        channel.close();
    }

    private static String truncate(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        return new String(bytes, 0, MAX_REASON_BYTES - 3, StandardCharsets.UTF_8).replace("\uFFFD", "") + "...";
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("WebSocket {} failed: {}", this, cause.toString());
        ctx.close();
    }
}
