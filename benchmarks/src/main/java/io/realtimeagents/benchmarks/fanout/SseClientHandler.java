package io.realtimeagents.benchmarks.fanout;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;

/**
 * An SSE client of the load generator, after Netty's HTTP client codec: it sends {@code GET <path>} with {@code
 * Accept: text/event-stream}, is ready on a 200 response, and hands the value of every {@code data:} line of the
 * stream to its {@link ClientState}.
 */
final class SseClientHandler extends SimpleChannelInboundHandler<HttpObject> {
    private final ClientState state;
    private final String host;
    private final String path;
    private final SseLines lines = new SseLines();
    private final SseLines.Sink sink;

    SseClientHandler(ClientState state, String host, String path) {
        this.state = state;
        this.host = host;
        this.path = path;
        this.sink = (buf, from, to) -> state.message(buf, from, to, System.nanoTime());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
        request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.ACCEPT, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        ctx.writeAndFlush(request);
        super.channelActive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
        if (message instanceof HttpResponse response) {
            if (response.status().equals(HttpResponseStatus.OK)) {
                state.ready.complete(null);
            } else {
                state.ready.completeExceptionally(new IOException("GET " + path + " answered " + response.status()));
                ctx.close();
                return;
            }
        }
        if (message instanceof HttpContent content) {
            lines.feed(content.content(), sink);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        lines.release();
        state.ready.completeExceptionally(new IOException("closed before the stream started"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        state.ready.completeExceptionally(cause);
        ctx.close();
    }
}
