package io.realtimeagents.benchmarks.fanout;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.AttributeKey;

/**
 * The plain server's only handler, after Netty's HTTP codec and WebSocket protocol handler: {@code GET
 * /stream/events} opens an SSE stream (chunked {@code text/event-stream}; the HTTP codec leaves once the response head
 * is written, since the broadcaster writes complete chunks) that joins the fan-out at once; a WebSocket
 * connection on {@code /ws} joins when it sends its {@code subscribe} message, which is answered with {@code
 * subscription_confirmed} as the agent does. Anything else is answered 404.
 */
@ChannelHandler.Sharable
final class PlainFanoutHandler extends SimpleChannelInboundHandler<Object> {
    /** Where SSE clients connect. */
    static final String SSE_PATH = "/stream/events";

    private static final AttributeKey<Boolean> SUBSCRIBED = AttributeKey.valueOf("fanout-subscribed");

    private final Broadcaster broadcaster;

    PlainFanoutHandler(Broadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest request) {
            request(ctx, request);
        } else if (message instanceof TextWebSocketFrame frame && frame.text().contains("\"subscribe\"")) {
            subscribe(ctx);
        }
    }

    private void request(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri().split("\\?", 2)[0];
        if (request.method() != HttpMethod.GET || !path.equals(SSE_PATH)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        ctx.writeAndFlush(response);
        // The response head is encoded; the events are written as complete chunks, encoded once for all streams.
        ctx.pipeline().remove(HttpServerCodec.class);
        broadcaster.add(ctx.channel(), true);
    }

    private void subscribe(ChannelHandlerContext ctx) {
        if (ctx.channel().attr(SUBSCRIBED).setIfAbsent(Boolean.TRUE) == null) {
            ctx.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(BenchMessage.subscriptionConfirmed())));
            broadcaster.add(ctx.channel(), false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
