package io.realtimeagents.agent.internal.server;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.HttpReply;
import io.realtimeagents.common.json.Json;
import java.util.Optional;

/** Writes runtime replies as JSON responses with the wire contract's snake_case names. */
final class Replies {
    private Replies() {}

    static MutableHttpResponse<String> json(HttpReply reply) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(
                        io.micronaut.http.HttpStatus.valueOf(reply.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Json.encodeToString(reply.body()));
        reply.headers().forEach(response::header);
        if (reply.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response;
    }

    /** The Authorization header, or null. */
    static String authorization(HttpRequest<?> request) {
        return request.getHeaders().get(HttpHeaders.AUTHORIZATION);
    }

    /** The {@code access_token} query parameter, or null. */
    static String accessToken(HttpRequest<?> request) {
        return request.getParameters().get("access_token");
    }

    /** The refusal of a request to a protected status endpoint, or empty. */
    static Optional<HttpReply> statusDenied(AgentRuntime runtime, HttpRequest<?> request) {
        return runtime.httpAccess().status(authorization(request), accessToken(request));
    }
}
