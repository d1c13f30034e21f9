package io.realtimeagents.examples.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP calls of tests. */
public final class Http {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {}

    /** An answer: status and body. */
    public record Answer(int status, String body) {
        /** The body as JSON. */
        public JsonNode json() {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** {@code GET uri}. */
    public static Answer get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    /** {@code POST uri} with a JSON body. */
    public static Answer post(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** {@code GET uri}, or null when nothing answers (yet). */
    public static Answer tryGet(URI uri) {
        try {
            return get(uri);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
