package io.realtimeagents.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
import io.realtimeagents.testkit.internal.Inbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real Server-Sent Events client ({@code java.net.http}) for testing an agent's {@code /stream/...} endpoints. It
 * parses the stream as a browser's {@code EventSource} does: {@code id:}, {@code data:} and {@code retry:} fields and
 * comments. Each message's data is parsed as JSON and offered twice: once to {@link #next(Duration)} and
 * {@link #poll(Duration)}, which take messages in order, and once to {@link #received()}, which keeps every message for
 * the life of the client. Close it after the test.
 */
public final class SseTestClient implements AutoCloseable {
    private static final HttpClient SHARED = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final Inbox<Event> inbox = new Inbox<>("SSE");
    private final AtomicInteger comments = new AtomicInteger();
    private volatile String retry;
    private final Thread reader;

    /**
     * One SSE message.
     *
     * @param id its {@code id:}, or null when it had none
     * @param data its {@code data:}, parsed as JSON
     */
    public record Event(String id, JsonNode data) {
        /** The {@code message_type} of the data, or an empty string when it has none. */
        public String type() {
            return data.path("message_type").asText();
        }
    }

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().name("sse-test-client").start(this::read);
    }

    /**
     * Opens a stream and returns once the response head arrived. Statuses other than 200 are returned too: see
     * {@link #status()}.
     *
     * @param headers extra request headers, as name, value pairs, e.g. {@code "Last-Event-ID", id}
     */
    public static SseTestClient open(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseTestClient(SHARED.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The HTTP status of the response. */
    public int status() {
        return response.statusCode();
    }

    /** The HTTP headers of the response. */
    public HttpHeaders headers() {
        return response.headers();
    }

    /** The last {@code retry:} value received, or null before the first. */
    public String retry() {
        return retry;
    }

    /** How many comment lines, such as heartbeats, were received. */
    public int comments() {
        return comments.get();
    }

    private void read() {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        inbox.add(new Event(id, Json.tree(data.toString().getBytes(StandardCharsets.UTF_8))));
                    }
                    id = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("retry:")) {
                    retry = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = data == null ? new StringBuilder() : data.append('\n');
                    data.append(line.substring(5).stripLeading());
                }
            }
        } catch (IOException e) {
            // the stream was closed
        }
    }

    /**
     * Takes the next message.
     *
     * @throws AssertionError when none arrives within the timeout
     */
    public Event next(Duration timeout) throws InterruptedException {
        return inbox.next(event -> true, "at all", timeout);
    }

    /**
     * Takes the next message that matches, skipping the others.
     *
     * @param what names the expected message in the assertion error
     * @throws AssertionError when none arrives within the timeout
     */
    public Event next(Predicate<Event> matching, String what, Duration timeout) throws InterruptedException {
        return inbox.next(matching, what, timeout);
    }

    /** Takes the next message, or returns null when none arrives within the timeout. */
    public Event poll(Duration timeout) throws InterruptedException {
        return inbox.poll(timeout);
    }

    /**
     * The data of every message received so far, in order, whether or not {@link #next(Duration)} or
     * {@link #poll(Duration)} took it: {@code {"message_type", "payload", ...}}. The list is an immutable snapshot.
     */
    public List<JsonNode> received() {
        return inbox.received().stream().map(Event::data).toList();
    }

    /** The {@code payload.data} of every broadcast received so far on the live topic, in order. */
    public List<JsonNode> broadcasts(String topic) {
        return LiveMessages.broadcasts(received(), topic);
    }

    /** Whether the stream has ended, because the server ended it or the client was closed. */
    public boolean ended() {
        return !reader.isAlive();
    }

    /** Closes the stream. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
