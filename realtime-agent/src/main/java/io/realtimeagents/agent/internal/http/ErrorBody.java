package io.realtimeagents.agent.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON error body of every HTTP endpoint, live endpoints included. */
public final class ErrorBody {
    private ErrorBody() {}

    /** {@code {"error": code, "message": message, "status": status}}. */
    public static Map<String, Object> of(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("status", status);
        return body;
    }
}
