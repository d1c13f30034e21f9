package io.realtimeagents.agent.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A status code and a JSON body, produced by the runtime and written by the HTTP layer.
 *
 * @param status the HTTP status code
 * @param body the body, encoded as snake_case JSON
 */
public record HttpReply(int status, Object body) {
    /** A 200 reply. */
    public static HttpReply ok(Object body) {
        return new HttpReply(200, body);
    }

    /** An error reply: {@code {"error": code, "message": message, "status": status}}. */
    public static HttpReply error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("status", status);
        return new HttpReply(status, body);
    }
}
