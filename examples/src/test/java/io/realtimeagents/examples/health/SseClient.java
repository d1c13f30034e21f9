package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Server-Sent Events client ({@code java.net.http}) that collects the {@code data:} of every message as JSON, as
 * a browser's {@code EventSource} would deliver them.
 */
public final class SseClient implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread.ofVirtual().name("sse-test-client").start(this::read);
    }

    /** Opens the stream; returns once the response head arrived. */
    public static SseClient open(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
        }
        return new SseClient(response);
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty() && !data.isEmpty()) {
                    received.add(Json.tree(data.toString().getBytes(StandardCharsets.UTF_8)));
                    data.setLength(0);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Every message received so far: {@code {"message_type", "payload", ...}}. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The {@code data} of the broadcasts received on the live topic, in order. */
    public List<JsonNode> broadcasts(String topic) {
        return LiveMessages.broadcasts(received, topic);
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
