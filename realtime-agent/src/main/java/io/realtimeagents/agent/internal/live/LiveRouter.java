package io.realtimeagents.agent.internal.live;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.realtimeagents.agent.internal.live.auth.AccessDecision;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sits in each HTTP/1.1 connection's pipeline right after the HTTP codec and takes the requests of live clients
 * away from the web framework: WebSocket upgrades of the configured endpoints and {@code GET /stream/...}. Such a
 * connection becomes a {@link WsConnection} or {@link SseConnection}: the framework's handlers are removed, so its
 * bytes never pass through them again. Every other request passes on untouched.
 */
@ChannelHandler.Sharable
public final class LiveRouter extends ChannelInboundHandlerAdapter {
    /** The name of this handler in the pipeline. */
    public static final String NAME = "realtime-live-router";

    static final String STREAM_EVENTS = "/stream/events";
    static final String STREAM_TOPIC = "/stream/topic/";

    private final LiveService service;

    LiveRouter(LiveService service) {
        this.service = service;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            String path = uri.path();
            if (service.webSocketEnabled() && service.settings().endpoints().containsKey(path) && isUpgrade(request)) {
                service.webSockets()
                        .accept(
                                ctx,
                                request,
                                uri,
                                service.settings().endpoints().get(path));
                return;
            }
            if (request.method().equals(HttpMethod.GET)
                    && (path.equals(STREAM_EVENTS) || path.startsWith(STREAM_TOPIC))) {
                service.sse().accept(ctx, request, uri);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean isUpgrade(HttpRequest request) {
        return request.method().equals(HttpMethod.GET)
                && request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
                && request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /** Checks origin and credentials of a live request. */
    static AccessDecision check(LiveService service, HttpRequest request, QueryStringDecoder uri) {
        return service.access()
                .check(
                        request.headers().get(HttpHeaderNames.ORIGIN),
                        request.headers().get(HttpHeaderNames.AUTHORIZATION),
                        first(uri.parameters(), "access_token"),
                        Instant.now());
    }

    static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * Removes every handler after this one (the web framework's) and idle-state handlers before it: the connection is
     * live from now on and keeps its own heartbeat.
     */
    static void takeOver(ChannelHandlerContext ctx) {
        ChannelPipeline pipeline = ctx.pipeline();
        List<String> names = pipeline.names();
        int self = names.indexOf(ctx.name());
        for (String name : names.subList(self + 1, names.size())) {
            if (pipeline.context(name) != null && !name.startsWith("DefaultChannelPipeline$TailContext")) {
                pipeline.remove(name);
            }
        }
        pipeline.toMap().forEach((name, handler) -> {
            if (handler instanceof IdleStateHandler) {
                pipeline.remove(name);
            }
        });
        ctx.channel().config().setAutoRead(true);
    }
}
