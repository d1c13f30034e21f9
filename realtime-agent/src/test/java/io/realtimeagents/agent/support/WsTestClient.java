package io.realtimeagents.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client ({@code java.net.http}) that collects the JSON messages it receives. */
public final class WsTestClient implements AutoCloseable {
    private static final HttpClient SHARED = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;
    private final CompletableFuture<Closed> closed;

    private WsTestClient(WebSocket socket, BlockingQueue<JsonNode> received, CompletableFuture<Closed> closed) {
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    /** How the server closed the connection: status code and reason (-1 when the connection just broke). */
    public record Closed(int status, String reason) {}

    /** Connects to a ws:// URI with optional extra headers (name, value pairs). */
    public static WsTestClient connect(URI uri, String... headers) {
        return connectAsync(uri, headers).join();
    }

    /** Connects without waiting, all clients sharing one HTTP client (one selector thread). */
    public static CompletableFuture<WsTestClient> connectAsync(URI uri, String... headers) {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        CompletableFuture<Closed> closed = new CompletableFuture<>();
        WebSocket.Builder builder = SHARED.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(uri, new Collector(received, closed))
                .thenApply(socket -> new WsTestClient(socket, received, closed));
    }

    /** Sends a text message. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends a protocol message. */
    public void send(String messageType, Map<String, ?> payload, String correlationId) {
        Map<String, Object> message = new java.util.LinkedHashMap<>();
        message.put("message_type", messageType);
        message.put("payload", payload);
        if (correlationId != null) {
            message.put("correlation_id", correlationId);
        }
        sendText(Json.encodeToString(message));
    }

    /** Sends a binary message. */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next message, or an assertion error naming what was expected after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no WebSocket message within " + timeout);
        }
        return message;
    }

    /** The next message of the type, skipping others. */
    public JsonNode next(String messageType, Duration timeout) throws InterruptedException {
        return next(m -> messageType.equals(m.path("message_type").asText()), messageType, timeout);
    }

    /** The next message matching, skipping others. */
    public JsonNode next(Predicate<JsonNode> matching, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no WebSocket message " + what + " within " + timeout);
            }
            if (matching.test(message)) {
                return message;
            }
        }
    }

    /** Messages received so far and not yet taken. */
    public List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    /** Completes when the server closes the connection. */
    public CompletableFuture<Closed> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> received;
        private final CompletableFuture<Closed> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> received, CompletableFuture<Closed> closed) {
            this.received = received;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(Json.tree(partial.toString().getBytes(StandardCharsets.UTF_8)));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(new Closed(-1, String.valueOf(error)));
        }
    }
}
