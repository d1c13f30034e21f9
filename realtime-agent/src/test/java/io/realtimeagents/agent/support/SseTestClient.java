package io.realtimeagents.agent.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.realtimeagents.common.json.Json;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real Server-Sent Events client ({@code java.net.http}) that parses the stream as a browser does: {@code id:},
 * {@code data:}, {@code retry:} fields and comments.
 */
public final class SseTestClient implements AutoCloseable {
    private static final HttpClient SHARED = HttpClient.newHttpClient();

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private volatile String retry;
    private final Thread reader;

    /** One SSE message: its id (null when it had none) and its data parsed as JSON. */
    public record Event(String id, JsonNode data) {
        /** The {@code message_type} of the data. */
        public String type() {
            return data.path("message_type").asText();
        }
    }

    private SseTestClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /**
     * Opens a stream; headers are name, value pairs. Returns once the response head arrived; non-200 statuses are
     * returned too, see {@link #status()}.
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

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    /** The last {@code retry:} value received. */
    public String retry() {
        return retry;
    }

    /** Heartbeat comments received. */
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
                        events.add(new Event(id, Json.tree(data.toString().getBytes(StandardCharsets.UTF_8))));
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

    /** The next message, or an assertion error after the timeout. */
    public Event next(Duration timeout) throws InterruptedException {
        return next(event -> true, "at all", timeout);
    }

    /** The next message matching, skipping others. */
    public Event next(Predicate<Event> matching, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no SSE message " + what + " within " + timeout);
            }
            if (matching.test(event)) {
                return event;
            }
        }
    }

    /** Whether no message arrives within the time. */
    public Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return !reader.isAlive();
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
