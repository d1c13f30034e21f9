package io.realtimeagents.agent.internal.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.realtimeagents.agent.internal.live.auth.AccessDecision;
import io.realtimeagents.common.live.WebSocketEndpoint;
import java.util.Map;

/** Accepts WebSocket upgrades: checks access, performs the handshake, registers the connection and subscribes it. */
final class WsAcceptor {
    private final LiveService service;
    private final WsProtocol protocol;

    WsAcceptor(LiveService service, WsProtocol protocol) {
        this.service = service;
        this.protocol = protocol;
    }

    void accept(ChannelHandlerContext ctx, HttpRequest request, QueryStringDecoder uri, WebSocketEndpoint endpoint) {
        AccessDecision decision = LiveRouter.check(service, request, uri);
        if (decision instanceof AccessDecision.Denied denied) {
            service.hub().metrics().refused(Transport.WEBSOCKET, denied.status());
            LiveRefusal.refuse(ctx, denied.status(), LiveRefusal.codeOf(denied.status()), denied.reason());
            return;
        }
        AccessDecision.Granted granted = (AccessDecision.Granted) decision;
        for (String topic : endpoint.autoSubscribe()) {
            if (!granted.topics().allows(topic)) {
                service.hub().metrics().refused(Transport.WEBSOCKET, 403);
                LiveRefusal.refuse(
                        ctx,
                        403,
                        "forbidden",
                        "the credentials may not read topic '" + topic + "', which " + endpoint.path()
                                + " subscribes every connection to");
                return;
            }
        }
        LiveSettings settings = service.settings();
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                        "ws://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + endpoint.path(),
                        null,
                        WebSocketDecoderConfig.newBuilder()
                                .maxFramePayloadLength(settings.maxFrameBytes())
                                .allowExtensions(false)
                                .build())
                .newHandshaker(request);
        Channel channel = ctx.channel();
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }
        LiveRouter.takeOver(ctx);
        LiveShard shard = service.hub().shardOf(channel);
        WsConnection connection =
                new WsConnection(channel, shard, granted.topics(), granted.tasks(), settings, protocol);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), "live-ws", connection);
        pipeline.replace(ctx.name(), "live-ws-aggregator", new WebSocketFrameAggregator(settings.maxFrameBytes()));
        channel.config()
                .setWriteBufferWaterMark(
                        new WriteBufferWaterMark(settings.clientBufferBytes() / 2, settings.clientBufferBytes()));
        DefaultFullHttpRequest upgrade = new DefaultFullHttpRequest(
                request.protocolVersion(),
                request.method(),
                request.uri(),
                Unpooled.EMPTY_BUFFER,
                request.headers(),
                EmptyHttpHeaders.INSTANCE);
        handshaker.handshake(channel, upgrade).addListener(done -> {
            if (!done.isSuccess()) {
                channel.close();
                return;
            }
            service.hub().opened(connection);
            connection.expireAt(granted.expiresAt());
            for (String topic : endpoint.autoSubscribe()) {
                shard.subscribe(connection, topic);
                connection.reply(WsProtocol.reply("subscription_confirmed", Map.of("topic", topic), null));
            }
        });
    }
}
