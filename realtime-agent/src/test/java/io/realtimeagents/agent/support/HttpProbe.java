package io.realtimeagents.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.agent.RunningAgent;
import io.realtimeagents.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Real HTTP requests to an agent's endpoints. */
public final class HttpProbe {
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private HttpProbe() {}

    /** {@code GET path} on the agent, with headers given as name, value, name, value... */
    public static Reply get(RunningAgent agent, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(agent, path)).GET();
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** {@code GET path} on the agent at a base address, e.g. one still starting. */
    public static Reply get(URI base, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** {@code POST path} on the agent with a JSON body, and headers given as name, value, name, value... */
    public static Reply post(RunningAgent agent, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(agent, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(headers.length == 0 ? request : request.headers(headers));
    }

    /** The partitions the agent's consumer holds, from {@code /realtime/status}. */
    public static List<String> assignedPartitions(RunningAgent agent) {
        return texts(get(agent, "/realtime/status").json().path("kafka").path("assigned_partitions"));
    }

    /** The partitions the agent has paused, from {@code /realtime/status}. */
    public static List<String> pausedPartitions(RunningAgent agent) {
        return texts(get(agent, "/realtime/status").json().path("kafka").path("paused_partitions"));
    }

    /** The text items of a JSON array. */
    public static List<String> texts(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items;
    }

    private static URI uri(RunningAgent agent, String path) {
        return URI.create(agent.url() + path);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
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
    public record Reply(int status, String body) {
        /** The body parsed as JSON. */
        public JsonNode json() {
            return Json.tree(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
