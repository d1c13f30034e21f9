package io.realtimeagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.testkit.internal.Inbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * A real WebSocket client ({@code java.net.http}) for testing an agent's {@code /ws} endpoints. It parses every text
 * message as JSON and offers it twice: once to {@link #next(Duration)} and {@link #drain()}, which take messages in
 * order, and once to {@link #received()}, which keeps every message for the life of the client. Close it after the
 * test.
 */
public final class WsTestClient implements AutoCloseable {
    private static final HttpClient SHARED = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final Inbox<JsonNode> inbox;
    private final CompletableFuture<Closed> closed;

    private WsTestClient(WebSocket socket, Inbox<JsonNode> inbox, CompletableFuture<Closed> closed) {
        this.socket = socket;
        this.inbox = inbox;
        this.closed = closed;
    }

    /**
     * How the server closed the connection.
     *
     * @param status the close status code, or -1 when the connection broke without a close frame
     * @param reason the close reason, or the error when the connection broke
     */
    public record Closed(int status, String reason) {}

    /**
     * Connects to a {@code ws://} URI and waits for the handshake.
     *
     * @param headers extra request headers, as name, value pairs
     */
    public static WsTestClient connect(URI uri, String... headers) {
        return connectAsync(uri, headers).join();
    }

    /**
     * Connects without waiting for the handshake. All clients share one HTTP client, so a test can open a thousand of
     * them on one selector thread.
     *
     * @param headers extra request headers, as name, value pairs
     */
    public static CompletableFuture<WsTestClient> connectAsync(URI uri, String... headers) {
        Inbox<JsonNode> inbox = new Inbox<>("WebSocket");
        CompletableFuture<Closed> closed = new CompletableFuture<>();
        WebSocket.Builder builder = SHARED.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder.buildAsync(uri, new Collector(inbox, closed))
                .thenApply(socket -> new WsTestClient(socket, inbox, closed));
    }

    /** Sends a text message and waits until it is sent. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    /**
     * Sends a protocol message: {@code {"message_type", "payload", "correlation_id"}}.
     *
     * @param correlationId left out of the message when null
     */
    public void send(String messageType, Map<String, ?> payload, String correlationId) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("message_type", messageType);
        message.put("payload", payload);
        if (correlationId != null) {
            message.put("correlation_id", correlationId);
        }
        sendText(Json.encodeToString(message));
    }

    /** Sends a binary message and waits until it is sent. */
    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /**
     * Takes the next message.
     *
     * @throws AssertionError when none arrives within the timeout
     */
    public JsonNode next(Duration timeout) throws InterruptedException {
        return inbox.next(message -> true, "at all", timeout);
    }

    /**
     * Takes the next message with this {@code message_type}, skipping the others.
     *
     * @throws AssertionError when none arrives within the timeout
     */
    public JsonNode next(String messageType, Duration timeout) throws InterruptedException {
        return next(m -> messageType.equals(m.path("message_type").asText()), messageType, timeout);
    }

    /**
     * Takes the next message that matches, skipping the others.
     *
     * @param what names the expected message in the assertion error
     * @throws AssertionError when none arrives within the timeout
     */
    public JsonNode next(Predicate<JsonNode> matching, String what, Duration timeout) throws InterruptedException {
        return inbox.next(matching, what, timeout);
    }

    /** Takes the messages received so far and not yet taken. */
    public List<JsonNode> drain() {
        return inbox.drain();
    }

    /**
     * Every message received so far, in order, whether or not {@link #next(Duration)} or {@link #drain()} took it.
     * The list is an immutable snapshot.
     */
    public List<JsonNode> received() {
        return inbox.received();
    }

    /** The {@code payload.data} of every broadcast received so far on the live topic, in order. */
    public List<JsonNode> broadcasts(String topic) {
        return LiveMessages.broadcasts(received(), topic);
    }

    /** Completes when the server closes the connection or it breaks. */
    public CompletableFuture<Closed> closed() {
        return closed;
    }

    /** Sends a normal close frame, unless the output is closed already, and drops the connection. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final Inbox<JsonNode> inbox;
        private final CompletableFuture<Closed> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(Inbox<JsonNode> inbox, CompletableFuture<Closed> closed) {
            this.inbox = inbox;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(Json.tree(partial.toString().getBytes(StandardCharsets.UTF_8)));
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
