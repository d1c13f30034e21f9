package io.realtimeagents.agent.server;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.realtimeagents.agent.internal.AgentRuntime;

/** The Prometheus scrape endpoint. */
@Controller
final class MetricsController {
    private static final MediaType PROMETHEUS_TEXT = MediaType.of("text/plain; version=0.0.4; charset=utf-8");

    private final AgentRuntime runtime;

    MetricsController(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Get("/metrics")
    HttpResponse<String> metrics() {
        return HttpResponse.ok(runtime.scrape()).contentType(PROMETHEUS_TEXT);
    }
}
