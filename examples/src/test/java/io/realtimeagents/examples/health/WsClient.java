package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WebSocket client ({@code java.net.http}) that collects the JSON messages it receives. */
public final class WsClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> received;
    private final WebSocket socket;

    private WsClient(List<JsonNode> received, WebSocket socket) {
        this.received = received;
        this.socket = socket;
    }

    /** Connects to a {@code ws://} URI. */
    public static WsClient connect(URI uri) {
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, new Collector(received))
                .join();
        return new WsClient(received, socket);
    }

    /** Every message received so far. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The {@code data} of the broadcasts received on the live topic, in order. */
    public List<JsonNode> broadcasts(String topic) {
        return LiveMessages.broadcasts(received, topic);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        socket.abort();
    }

    private static final class Collector implements WebSocket.Listener {
        private final List<JsonNode> received;
        private final StringBuilder partial = new StringBuilder();

        Collector(List<JsonNode> received) {
            this.received = received;
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
    }
}
