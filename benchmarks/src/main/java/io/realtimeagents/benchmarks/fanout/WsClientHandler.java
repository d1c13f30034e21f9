package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client of the load generator, after Netty's client protocol handler (which answers pings): once the
 * handshake is done it subscribes to the benchmark topic, is ready when the server confirms, and then hands every
 * text message to its {@link ClientState}.
 */
final class WsClientHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final ClientState state;

    WsClientHandler(ClientState state) {
        this.state = state;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            ctx.writeAndFlush(new TextWebSocketFrame(BenchMessage.SUBSCRIBE));
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            state.ready.completeExceptionally(new IOException("WebSocket handshake timed out"));
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame)) {
            return;
        }
        long now = System.nanoTime();
        ByteBuf content = frame.content();
        int from = content.readerIndex();
        int to = content.writerIndex();
        if (!state.message(content, from, to, now) && !state.ready.isDone() && confirms(content, from, to)) {
            state.ready.complete(null);
        }
    }

    private static boolean confirms(ByteBuf content, int from, int to) {
        return content.toString(from, to - from, StandardCharsets.UTF_8).contains("\"subscription_confirmed\"");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state.ready.completeExceptionally(new IOException("closed before the subscription was confirmed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        state.ready.completeExceptionally(cause);
        ctx.close();
    }
}
