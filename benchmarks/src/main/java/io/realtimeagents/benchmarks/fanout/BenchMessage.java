package io.realtimeagents.benchmarks.fanout;

import io.realtimeagents.common.json.Json;
import io.realtimeagents.common.model.WebSocketMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The broadcast message both servers send, byte for byte the shape of the agent's {@code broadcast(topic, data)}:
 * {@code {"message_type":"broadcast","payload":{"topic":"bench","data":{"seq":<n>,"sent_nanos":<emit time>,
 * "pad":"xxx..."}},"timestamp":"<ISO-8601 instant>"}}, about 200 bytes of payload. {@code sent_nanos} is
 * {@link System#nanoTime()} when the event was emitted: on one machine every JVM reads the same monotonic clock, so
 * the receiving JVM subtracts it from its own reading to get the emit-to-receive latency.
 */
final class BenchMessage {
    /** The live topic the events are broadcast on, and WebSocket clients subscribe to. */
    static final String TOPIC = "bench";
    /** Filler that makes the payload about 200 bytes. */
    static final String PAD = "x".repeat(120);
    /** What a WebSocket client sends after its handshake, as the agent's protocol wants. */
    static final String SUBSCRIBE = "{\"message_type\":\"subscribe\",\"payload\":{\"topic\":\"" + TOPIC + "\"}}";

    private BenchMessage() {}

    /** The data of event {@code seq}: {@code seq}, {@code sent_nanos} and {@code pad}, in this order. */
    static Map<String, Object> data(long seq, long sentNanos) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("seq", seq);
        data.put("sent_nanos", sentNanos);
        data.put("pad", PAD);
        return data;
    }

    /** The whole message of event {@code seq} as UTF-8 JSON, stamped now. */
    static byte[] json(long seq, long sentNanos) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("topic", TOPIC);
        payload.put("data", data(seq, sentNanos));
        return Json.encode(message("broadcast", payload));
    }

    /** The server's answer to {@link #SUBSCRIBE}. */
    static byte[] subscriptionConfirmed() {
        return Json.encode(message("subscription_confirmed", Map.of("topic", TOPIC)));
    }

    /** The SSE form of a message: {@code id: <seq>\ndata: <json>\n\n}. */
    static byte[] sseEvent(long seq, byte[] json) {
        byte[] head = ("id: " + seq + "\ndata: ").getBytes(StandardCharsets.US_ASCII);
        byte[] event = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, event, 0, head.length);
        System.arraycopy(json, 0, event, head.length, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return event;
    }

    private static WebSocketMessage message(String type, Map<String, Object> payload) {
        return new WebSocketMessage(type, payload, Instant.now(), null);
    }
}
