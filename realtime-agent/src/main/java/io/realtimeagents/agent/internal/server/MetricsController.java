package io.realtimeagents.agent.internal.server;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.realtimeagents.agent.internal.AgentRuntime;
import io.realtimeagents.agent.internal.HttpReply;
import java.util.Optional;

/** The Prometheus scrape endpoint. */
@Controller
final class MetricsController {
    private static final MediaType PROMETHEUS_TEXT = MediaType.of("text/plain; version=0.0.4; charset=utf-8");

    private final AgentRuntime runtime;

    MetricsController(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Get("/metrics")
    HttpResponse<String> metrics(HttpRequest<?> request) {
        Optional<HttpReply> denied = Replies.statusDenied(runtime, request);
        if (denied.isPresent()) {
            return Replies.json(denied.get());
        }
        return HttpResponse.ok(runtime.endpoints().scrape()).contentType(PROMETHEUS_TEXT);
    }
}
