package io.realtimeagents.agent.internal.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.realtimeagents.agent.internal.live.auth.AccessDecision;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.live.LiveTopics;
import io.realtimeagents.common.model.WebSocketMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Accepts SSE requests: {@code GET /stream/events} (every topic the client may read, or those of
 * {@code ?topics=a,b}) and {@code GET /stream/topic/{topic}}. A client that sends {@code Last-Event-ID} (or
 * {@code ?last_event_id=} on a first connection) is first sent what it missed from the history, or told it may have
 * missed messages when the history no longer reaches back.
 */
final class SseAcceptor {
    private final LiveService service;

    SseAcceptor(LiveService service) {
        this.service = service;
    }

    void accept(ChannelHandlerContext ctx, HttpRequest request, QueryStringDecoder uri) {
        AccessDecision decision = LiveRouter.check(service, request, uri);
        if (decision instanceof AccessDecision.Denied denied) {
            refuse(ctx, denied.status(), denied.reason());
            return;
        }
        AccessDecision.Granted granted = (AccessDecision.Granted) decision;
        Set<String> topics = new LinkedHashSet<>();
        String problem = topicsOf(uri, topics);
        if (problem != null) {
            refuse(ctx, 400, problem);
            return;
        }
        for (String topic : topics) {
            if (!granted.topics().allows(topic)) {
                refuse(ctx, 403, "the credentials may not read topic '" + topic + "'");
                return;
            }
        }
        String lastEventId = request.headers().get("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = LiveRouter.first(uri.parameters(), "last_event_id");
        }
        open(ctx, request, granted, topics, lastEventId);
    }

    private static String topicsOf(QueryStringDecoder uri, Set<String> topics) {
        String path = uri.path();
        if (path.startsWith(LiveRouter.STREAM_TOPIC)) {
            topics.add(path.substring(LiveRouter.STREAM_TOPIC.length()));
        } else if (!path.equals(LiveRouter.STREAM_EVENTS)) {
            return "unknown stream " + path + ": use /stream/events or /stream/topic/{topic}";
        } else {
            String list = LiveRouter.first(uri.parameters(), "topics");
            if (list != null) {
                for (String topic : list.split(",")) {
                    if (!topic.isBlank()) {
                        topics.add(topic.trim());
                    }
                }
            }
        }
        for (String topic : topics) {
            if (!LiveTopics.isValid(topic)) {
                return "invalid topic '" + topic + "': use 1-200 letters, digits, '.', '_', ':' or '-'";
            }
        }
        return null;
    }

    private void refuse(ChannelHandlerContext ctx, int status, String reason) {
        service.hub().metrics().refused(Transport.SSE, status);
        LiveRefusal.refuse(ctx, status, LiveRefusal.codeOf(status), reason);
    }

    private void open(
            ChannelHandlerContext ctx,
            HttpRequest request,
            AccessDecision.Granted granted,
            Set<String> topics,
            String lastEventId) {
        LiveSettings settings = service.settings();
        Channel channel = ctx.channel();
        LiveRouter.takeOver(ctx);
        LiveShard shard = service.hub().shardOf(channel);
        SseConnection connection = new SseConnection(channel, shard, granted.topics(), settings);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.replace(ctx.name(), "live-sse", connection);
        if (pipeline.get(HttpServerCodec.class) != null) {
            pipeline.remove(HttpServerCodec.class);
        }
        channel.config()
                .setWriteBufferWaterMark(
                        new WriteBufferWaterMark(settings.clientBufferBytes() / 2, settings.clientBufferBytes()));
        channel.write(responseHead(request.headers().get(HttpHeaderNames.ORIGIN)));
        channel.write(LiveFrames.sseChunkOf("retry: " + settings.sseRetry().toMillis() + "\n\n"));
        if (topics.isEmpty()) {
            connection.receiveEverything();
        }
        service.hub().opened(connection);
        connection.expireAt(granted.expiresAt());
        topics.forEach(topic -> shard.subscribe(connection, topic));
        Predicate<String> filter = topics.isEmpty() ? granted.topics()::allows : topics::contains;
        if (lastEventId == null) {
            connection.skipUpTo(service.stream().lastSequence());
        } else {
            replay(connection, filter, lastEventId);
        }
        channel.flush();
    }

    private void replay(SseConnection connection, Predicate<String> filter, String lastEventId) {
        LiveHistory.Replay replay = service.stream().replay(filter, lastEventId);
        service.hub().metrics().resumed(replay.missed());
        Channel channel = connection.channel;
        if (replay.missed()) {
            channel.write(eventsMissed(lastEventId));
        }
        for (LiveMessage message : replay.messages()) {
            try {
                channel.write(message.sseChunk().retainedDuplicate(), channel.voidPromise());
            } finally {
                message.release();
            }
        }
        connection.skipUpTo(replay.upToSequence());
    }

    private static ByteBuf eventsMissed(String lastEventId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("last_event_id", lastEventId);
        payload.put(
                "reason",
                "the history no longer reaches back to this Last-Event-ID (or it is not one of this stream's):"
                        + " messages may have been missed, re-read the current state; what the history still holds"
                        + " follows");
        String json = Json.encodeToString(new WebSocketMessage("events_missed", payload, null, null));
        return LiveFrames.sseChunkOf("data: " + json + "\n\n");
    }

    private ByteBuf responseHead(String origin) {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 200 OK\r\n")
                .append("Content-Type: text/event-stream; charset=utf-8\r\n")
                .append("Cache-Control: no-cache, no-store, no-transform\r\n")
                .append("X-Accel-Buffering: no\r\n")
                .append("Connection: keep-alive\r\n")
                .append("Transfer-Encoding: chunked\r\n");
        String allowed = service.corsOrigin(origin);
        if (allowed != null) {
            head.append("Access-Control-Allow-Origin: ").append(allowed).append("\r\nVary: Origin\r\n");
        }
        return Unpooled.wrappedBuffer(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }
}
