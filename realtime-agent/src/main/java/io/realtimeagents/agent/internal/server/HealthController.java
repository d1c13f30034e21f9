package io.realtimeagents.agent.internal.server;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.realtimeagents.agent.internal.AgentRuntime;

/** Health, Kubernetes probes, status and connection counts. */
@Controller
final class HealthController {
    private final AgentRuntime runtime;

    HealthController(AgentRuntime runtime) {
        this.runtime = runtime;
    }

    @Get("/health")
    HttpResponse<String> health() {
        return Replies.json(runtime.endpoints().health());
    }

    @Get("/health/live")
    HttpResponse<String> live() {
        return Replies.json(runtime.endpoints().liveness());
    }

    @Get("/health/ready")
    HttpResponse<String> ready() {
        return Replies.json(runtime.endpoints().readiness());
    }

    @Get("/realtime/status")
    HttpResponse<String> status(HttpRequest<?> request) {
        return Replies.json(Replies.statusDenied(runtime, request).orElseGet(runtime.endpoints()::status));
    }

    @Get("/realtime/agents")
    HttpResponse<String> agents(HttpRequest<?> request) {
        return Replies.json(Replies.statusDenied(runtime, request).orElseGet(runtime.endpoints()::agents));
    }

    @Get("/realtime/connections")
    HttpResponse<String> connections(HttpRequest<?> request) {
        return Replies.json(Replies.statusDenied(runtime, request).orElseGet(runtime.endpoints()::connections));
    }
}
