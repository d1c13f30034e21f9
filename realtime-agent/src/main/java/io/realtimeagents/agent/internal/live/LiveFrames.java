package io.realtimeagents.agent.internal.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.realtimeagents.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Encodes live messages into the bytes clients receive. A delivered message is
 * {@code {"message_type":"realtime_event","payload":{"topic":T,"event":E},"timestamp":...}} for emitted events and
 * {@code {"message_type":"broadcast","payload":{"topic":T,"data":D},"timestamp":...}} for broadcasts, built around
 * the record's JSON bytes without parsing them.
 */
final class LiveFrames {
    /** A WebSocket ping frame without payload. */
    static final ByteBuf PING = Unpooled.unreleasableBuffer(
            Unpooled.directBuffer(2).writeByte(0x89).writeByte(0).asReadOnly());
    /** An SSE heartbeat comment, as a chunk. */
    static final ByteBuf SSE_HEARTBEAT =
            Unpooled.unreleasableBuffer(sseChunkOf(": heartbeat\n\n").asReadOnly());
    /** The last chunk of a chunked response. */
    static final ByteBuf LAST_CHUNK = Unpooled.unreleasableBuffer(Unpooled.directBuffer(5)
            .writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
            .asReadOnly());

    private LiveFrames() {}

    /** What kind of message, which decides its {@code message_type} and the name of its content field. */
    enum Kind {
        EVENT("realtime_event", "event"),
        BROADCAST("broadcast", "data");

        private final byte[] prefix;
        private final byte[] field;

        Kind(String messageType, String field) {
            this.prefix = ("{\"message_type\":\"" + messageType + "\",\"payload\":{\"topic\":\"")
                    .getBytes(StandardCharsets.US_ASCII);
            this.field = ("\",\"" + field + "\":").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The message JSON, or null when the value is not JSON. Values that are not compact (line breaks would end an SSE
     * message) are parsed and written again.
     */
    static byte[] messageJson(Kind kind, String topic, byte[] value, long timestampMillis) {
        byte[] content = compact(value);
        if (content == null) {
            return null;
        }
        byte[] topicBytes = topic.getBytes(StandardCharsets.US_ASCII);
        byte[] suffix = ("},\"timestamp\":\"" + Instant.ofEpochMilli(timestampMillis) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] json =
                new byte[kind.prefix.length + topicBytes.length + kind.field.length + content.length + suffix.length];
        int at = 0;
        for (byte[] part : new byte[][] {kind.prefix, topicBytes, kind.field, content, suffix}) {
            System.arraycopy(part, 0, json, at, part.length);
            at += part.length;
        }
        return json;
    }

    private static byte[] compact(byte[] value) {
        if (value == null || value.length == 0) {
            return null;
        }
        if (looksCompact(value)) {
            return value;
        }
        try {
            JsonNode tree = Json.tree(value);
            return Json.encode(tree);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static boolean looksCompact(byte[] value) {
        byte first = value[0];
        boolean starts = first == '{'
                || first == '['
                || first == '"'
                || first == '-'
                || (first >= '0' && first <= '9')
                || first == 't'
                || first == 'f'
                || first == 'n';
        if (!starts) {
            return false;
        }
        for (byte b : value) {
            if (b == '\n' || b == '\r') {
                return false;
            }
        }
        return true;
    }

    /** The complete WebSocket text frame of a payload (unmasked, final, one frame). */
    static ByteBuf webSocketFrame(ByteBufAllocator allocator, byte[] payload) {
        int length = payload.length;
        int header = length <= 125 ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuf frame = allocator.directBuffer(header + length);
        frame.writeByte(0x81);
        if (length <= 125) {
            frame.writeByte(length);
        } else if (length <= 0xFFFF) {
            frame.writeByte(126).writeShort(length);
        } else {
            frame.writeByte(127).writeLong(length);
        }
        return frame.writeBytes(payload);
    }

    /** The complete chunk of an SSE message with an id. */
    static ByteBuf sseChunk(ByteBufAllocator allocator, String id, byte[] json) {
        byte[] head = ("id: " + id + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        int size = head.length + json.length + 2;
        byte[] sizeLine = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuf chunk = allocator.directBuffer(sizeLine.length + size + 2);
        return chunk.writeBytes(sizeLine)
                .writeBytes(head)
                .writeBytes(json)
                .writeByte('\n')
                .writeByte('\n')
                .writeByte('\r')
                .writeByte('\n');
    }

    /** A chunk carrying SSE text as it is (fields, comments), e.g. {@code retry: 2000\n\n}. */
    static ByteBuf sseChunkOf(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] sizeLine = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return Unpooled.directBuffer(sizeLine.length + body.length + 2)
                .writeBytes(sizeLine)
                .writeBytes(body)
                .writeByte('\r')
                .writeByte('\n');
    }
}
