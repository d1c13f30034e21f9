package io.realtimeagents.agent.internal;

import io.realtimeagents.agent.internal.http.ErrorBody;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status code, headers and a JSON body, produced by the runtime and written by the HTTP layer.
 *
 * @param status the HTTP status code
 * @param body the body, encoded as snake_case JSON
 * @param headers response headers besides {@code Content-Type}
 */
public record HttpReply(int status, Object body, Map<String, String> headers) {
    /** Copies the headers. */
    public HttpReply {
        headers = Map.copyOf(headers);
    }

    /** A reply without extra headers. */
    public HttpReply(int status, Object body) {
        this(status, body, Map.of());
    }

    /** A 200 reply. */
    public static HttpReply ok(Object body) {
        return new HttpReply(200, body);
    }

    /** An error reply: {@code {"error": code, "message": message, "status": status}}. */
    public static HttpReply error(int status, String code, String message) {
        return new HttpReply(status, ErrorBody.of(status, code, message));
    }

    /** This reply with one more header. */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new HttpReply(status, body, more);
    }
}
