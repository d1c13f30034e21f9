package io.realtimeagents.agent.server;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.realtimeagents.agent.internal.HttpReply;
import io.realtimeagents.common.json.Json;

/** Writes runtime replies as JSON responses with the wire contract's snake_case names. */
final class Replies {
    private Replies() {}

    static MutableHttpResponse<String> json(HttpReply reply) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(
                        io.micronaut.http.HttpStatus.valueOf(reply.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(Json.encodeToString(reply.body()));
        reply.headers().forEach(response::header);
        return response;
    }
}
