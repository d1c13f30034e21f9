package io.realtimeagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.testkit.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Real HTTP requests to one server, e.g. an agent's health, status, metrics and task endpoints: {@code GET} and
 * {@code POST} with a JSON body, answered by status and body. {@link TestAgent#http()} gives one for a started agent.
 */
public final class HttpTestClient {
    /** Upper bound for one request, connection included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient SHARED =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    private HttpTestClient(URI base) {
        this.base = base;
    }

    /** A client of the server at {@code baseUrl}, e.g. {@code http://127.0.0.1:8080}; paths are appended to it. */
    public static HttpTestClient of(URI baseUrl) {
        Checks.notNull(baseUrl, "baseUrl");
        return new HttpTestClient(baseUrl);
    }

    /** {@code GET path}, with extra headers as name, value pairs. */
    public Response get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    /** {@code POST path} with a JSON body ({@code Content-Type: application/json}), extra headers as name, value pairs. */
    public Response post(String path, String json, String... headers) {
        Checks.notNull(json, "json");
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        Checks.notNull(path, "path");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(DEFAULT_TIMEOUT);
        return headers.length == 0 ? request : request.headers(headers);
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = SHARED.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during an HTTP request", e);
        }
    }

    /**
     * An HTTP response.
     *
     * @param status the status code
     * @param body the body as text
     */
    public record Response(int status, String body) {
        /** The body parsed as JSON. */
        public JsonNode json() {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
